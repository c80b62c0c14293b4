"""Benchmarks of citygraph (not tests): synthetic graph generator and timing scripts."""
