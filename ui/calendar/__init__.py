"""The calendar section: month grid, week agenda and the ALTs x days board."""
