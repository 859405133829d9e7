"""Adapters that let other frameworks use rag's parts (imported only by those who want them)."""
