"""Day layers: national holidays, board breaks and closures, school days off, branch closures."""
