"""Measuring, apart from the answering path: scoring question files (evaluation), which
entries cite each sentence (coverage), and the naive matcher benchmarks compare against."""
