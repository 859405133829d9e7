"""Evaluation: benchmark question files, their format, and the scoring rule."""
