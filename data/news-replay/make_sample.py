#!/usr/bin/env python3
"""Builds headlines.csv, the news replay sample: the first 150 headlines of
data/twitter-financial-news-sentiment/sent_valid.csv (MIT), with their links and leading cashtags removed, each
given a generated symbol (round robin over ten large caps) and a generated time (every 3 minutes of the
2026-01-05 and 2026-01-06 sessions). The symbols are NOT the companies the headlines are about.
Usage: python3 data/news-replay/make_sample.py"""
import csv, datetime, pathlib, re

here = pathlib.Path(__file__).resolve().parent
source = here.parent / "twitter-financial-news-sentiment" / "sent_valid.csv"
symbols = ["AAPL", "MSFT", "NVDA", "TSLA", "AMZN", "META", "GOOGL", "AMD", "JPM", "XOM"]
with open(source, newline="", encoding="utf-8") as f:
    texts = [row["text"] for row in csv.DictReader(f)]
rows = []
for text in texts:
    headline = re.sub(r"https?://\S+", "", text)
    headline = re.sub(r"^(\$[A-Za-z.]+[\s,:-]*)+", "", headline)      # the leading "$ABC $DEF - "
    headline = " ".join(headline.split()).strip(" -:")
    if len(headline) >= 20:
        rows.append(headline)
    if len(rows) == 150:
        break
start = [datetime.datetime(2026, 1, 5, 14, 30, tzinfo=datetime.timezone.utc),
         datetime.datetime(2026, 1, 6, 14, 30, tzinfo=datetime.timezone.utc)]
with open(here / "headlines.csv", "w", encoding="utf-8", newline="") as out:
    out.write("published_at,symbols,source,headline\n")
    for i, headline in enumerate(rows):
        at = start[i // 75] + datetime.timedelta(minutes=3 * (i % 75))
        out.write(f"{at.strftime('%Y-%m-%dT%H:%M:%SZ')},{symbols[i % len(symbols)]},twitter-financial-news,{headline}\n")
print(f"wrote {len(rows)} headlines to {here / 'headlines.csv'}")
