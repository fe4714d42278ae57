"""Machine translation: models, the translation cache, MT similarity for alignment.

Importing this package (or `base`, `cache`, `models`, `service`, `similarity`) never imports
torch, transformers or ctranslate2: the engines are imported when a model is first needed,
so the core checker starts fast and runs without them installed.
"""

from checker.translate.base import Translator, normalize_sentence
from checker.translate.cache import TranslationCache
from checker.translate.service import MissingPair, TranslationService

__all__ = ["MissingPair", "TranslationCache", "TranslationService", "Translator", "normalize_sentence"]
