"""Formats other than Markdown (DOCX, HTML, XLIFF, TMX) and the corpus layouts, built by the tests themselves."""
