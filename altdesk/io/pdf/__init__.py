"""PDF reports drawn with reportlab: fonts, a fast page painter, one module per layout."""
