"""Reading report files: decoding, normalisation for analysis, chrome stripping."""
