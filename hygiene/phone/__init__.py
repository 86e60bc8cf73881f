"""Phones: a read-only look for known stalkerware and signs of monitoring.

A phone is read one of three ways (an androidqf collection, adb, an iPhone's app list)
into one ``Collection``; ``scan`` matches it against Echap's lists and the heuristics;
``findings`` turns the result into plan items. Nothing here changes a phone.
"""
