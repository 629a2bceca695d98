"""Scorers for gold data: PLOVER event records, sentence QuadClass labels, geoparsing."""
