"""Excel reports written with openpyxl (write-only), made for printing."""
