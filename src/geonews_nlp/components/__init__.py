"""The pipeline stages, one module each, in the order they run.

tokenizer -> morphology (POS, features, syntax) -> lemmas -> ner -> entities -> actors
"""
