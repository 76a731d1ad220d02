"""Shared by scripts/project-headings and scripts/crossval: the annotated documents of the
shared corpora, their decoded text, and the heading files of data/headings/.

A heading file (data/headings/CORPUS/STEM.tsv) places each gold record's heading in the
document's decoded text (what `registre extract --text-only` prints; offsets are UTF-8
bytes). Columns, tab-separated, one row per gold record in order:

    record   gold record index (0-based)
    offset   UTF-8 byte offset where the heading's number or title starts; '-' when unplaced
    line     1-based line of that offset
    how      number | object | hand | unplaced   (how the row was made)
    text     up to 60 characters of the text at the offset (for review)

Rows whose `how` is `hand` were corrected by a person: project-headings never rewrites them.
"""
import json
import os
import re
import subprocess
import unicodedata

SHARED = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
CORPORA = ["dev", "dev2", "dev3", "dev4", "pdf", "pdf-more"]
TEXT_FIRST = (".txt", ".pdftotext-layout.txt", ".pdf")


def documents(corpus_root, corpora):
    """(corpus, stem, source path, gold records, authority) of every annotated document."""
    for corpus in corpora:
        folder = os.path.join(corpus_root, corpus)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".gold.json"):
                continue
            stem = name[: -len(".gold.json")]
            source = next((os.path.join(folder, stem + ext) for ext in TEXT_FIRST
                           if os.path.exists(os.path.join(folder, stem + ext))), None)
            if source is None:
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                gold = json.load(fh)["records"]
            authority = f"{corpus}/{stem}"
            meta = os.path.join(folder, stem + ".meta.json")
            if os.path.exists(meta):
                with open(meta, encoding="utf-8") as fh:
                    authority = json.load(fh).get("authority") or authority
            yield corpus, stem, source, gold, authority_key(authority)


def authority_key(name):
    """One key per authority: 'Ville de Montpellier (Hérault) - Conseil municipal' and
    'Commune de Montpellier' fall in the same fold."""
    s = fold(re.sub(r"\([^)]*\)", " ", name.split(" - ")[0]))
    s = re.sub(r"^(commune|ville|mairie|communaute|syndicat|conseil)\s+(de|du|d|des)\s+", "", s)
    return " ".join(s.split()) or name


def fold(text):
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^\w°]+", " ", s).strip()


def folded_with_map(text):
    """The folded view of `text` (lower case, no accents, every run of other characters one
    space) and, for each folded character, the index of its character in `text`."""
    out, where = [], []
    space = True
    for i, ch in enumerate(text):
        base = "".join(c for c in unicodedata.normalize("NFKD", ch)
                       if not unicodedata.combining(c)).lower()
        if not base or not re.match(r"[\w°]", base):
            if not space:
                out.append(" ")
                where.append(i)
                space = True
            continue
        for c in base:
            out.append(c)
            where.append(i)
        space = False
    return "".join(out), where


def decoded_text(binary, source):
    done = subprocess.run([binary, "extract", "--text-only", "-q", source], capture_output=True,
                          timeout=120)
    return done.stdout.decode("utf-8", errors="replace")


def heading_file(data_root, corpus, stem):
    return os.path.join(data_root, corpus, stem + ".tsv")


def read_headings(path):
    """[(record, offset or None, line, how, text)] from a heading file, or None."""
    if not os.path.exists(path):
        return None
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            record, offset, lineno, how = parts[0], parts[1], parts[2], parts[3]
            rows.append((int(record), None if offset == "-" else int(offset),
                         None if lineno == "-" else int(lineno), how,
                         parts[4] if len(parts) > 4 else ""))
    return rows


def match_headings(gold_offsets, predicted_offsets, before=300, after=40):
    """Pairs predicted heading starts with gold ones, one to one, nearest first. A predicted
    heading may start up to `before` bytes before the gold place (a label or a number line
    above the title) or `after` bytes after it. Returns the number of pairs."""
    pairs = []
    for gi, g in enumerate(gold_offsets):
        for pi, p in enumerate(predicted_offsets):
            if g - before <= p <= g + after:
                pairs.append((abs(g - p), gi, pi))
    pairs.sort()
    used_g, used_p = set(), set()
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
    return len(used_g)
