"""Arabic text helpers: normalization with offset maps, and segmentation with offsets."""

from khabar.arabic.normalize import Normalized, fold, normalize
from khabar.arabic.tokens import (
    ABBREVIATED_HONORIFICS, Token, hashtag_words, split_sentences, tokenize, without_hashtag_marks,
)

__all__ = ["ABBREVIATED_HONORIFICS", "Normalized", "Token", "fold", "hashtag_words", "normalize",
           "split_sentences", "tokenize", "without_hashtag_marks"]
