"""Text: the spaCy model and its parse cache, checksummed cache entries, sentences, name keys,
a pronoun's look-back (`look_back`), an outlet's repeated text (`furniture`) and the word lists
the analyses share (`lexicon`, read from `data/`: speech verbs, role nouns, common given names
of one gender)."""
