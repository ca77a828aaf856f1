"""Benchmarks for the generator and the MkDocs build: run them with `make bench`, never in tests."""
