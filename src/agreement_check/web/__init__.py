"""A local web page for charities: upload an offer, read the gaps in plain English,
download the report and a marked-up copy. Nothing is stored."""
