"""Static bilingual (Arabic/English) explainer site generator."""

__version__ = "0.1.0"
