#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""article-digest.py: checks a story's quotes against an article that may not be redistributed.

A digest holds the article's title, author, date and URL and the hashes of every run of three
consecutive tokens of its text, not the text itself. A quote is verbatim when each of its
three-token runs is in the digest: change one word of a quote and the runs around it are not.

  article-digest.py make ARTICLE.txt --id ID --title T --author A --date YYYY-MM-DD --url URL
      > DIGEST.json        writes the digest of a plain-text copy of the article
  article-digest.py check DIGEST.json STORY.caravan
      checks every excerpt of STORY that quotes the digest's article; exit 1 if one does not match

Tokens: maximal runs of letters and digits, or single other characters; white space separates
tokens and is not one. tests/test-article-digest.c computes the same hashes in C.
"""
import argparse
import hashlib
import json
import sys
import unicodedata

N = 3
SALT = b"caravan-article-digest-v1\0"
SEPARATOR = "\x1f"


def tokens(text):
    text = unicodedata.normalize("NFC", text)
    out, word = [], []
    for ch in text:
        if ch.isalnum():
            word.append(ch)
            continue
        if word:
            out.append("".join(word))
            word = []
        if not ch.isspace():
            out.append(ch)
    if word:
        out.append("".join(word))
    return out


def gram_hash(grams):
    return hashlib.sha256(SALT + SEPARATOR.join(grams).encode("utf-8")).hexdigest()[:16]


def hashes(text):
    toks = tokens(text)
    return [gram_hash(toks[i:i + N]) for i in range(len(toks) - N + 1)]


def make(args):
    with open(args.article, encoding="utf-8-sig") as f:
        text = f.read()
    digest = {
        "format": "caravan-article-digest",
        "version": 1,
        "article": {"id": args.id, "title": args.title, "author": args.author,
                    "date": args.date, "url": args.url},
        "tokens": len(tokens(text)),
        "n": N,
        "hashes": sorted(set(hashes(text))),
    }
    json.dump(digest, sys.stdout, ensure_ascii=False, indent=0)
    sys.stdout.write("\n")
    return 0


def check(args):
    with open(args.digest, encoding="utf-8") as f:
        digest = json.load(f)
    with open(args.story, encoding="utf-8-sig") as f:
        story = json.load(f)
    known = set(digest["hashes"])
    article_id = digest["article"]["id"]
    only_article = len(story.get("articles", [])) == 1
    failed = checked = 0
    for excerpt in story.get("excerpts", []):
        if excerpt.get("article", article_id if only_article else None) != article_id:
            continue
        checked += 1
        toks = tokens(excerpt["text"])
        if len(toks) < N:
            print("%s: excerpt %s: shorter than %d tokens, cannot be checked"
                  % (args.story, excerpt["id"], N))
            failed += 1
            continue
        for i in range(len(toks) - N + 1):
            if gram_hash(toks[i:i + N]) not in known:
                print("%s: excerpt %s: “%s” is not in the article"
                      % (args.story, excerpt["id"], " ".join(toks[i:i + N])))
                failed += 1
                break
    print("%d of %d excerpts quote %s verbatim" % (checked - failed, checked, article_id))
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("make")
    p.add_argument("article")
    for name in ("id", "title", "author", "date", "url"):
        p.add_argument("--" + name, required=True)
    p.set_defaults(run=make)
    p = sub.add_parser("check")
    p.add_argument("digest")
    p.add_argument("story")
    p.set_defaults(run=check)
    args = parser.parse_args()
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
