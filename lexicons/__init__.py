"""framing's shipped lexicons: data files only, read through importlib.resources."""
