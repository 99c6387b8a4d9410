#!/usr/bin/env python3
"""Quick shape check of content/questions/*.json (the C# validator in the test suite is authoritative)."""
import json, re, sys, glob, os
slug = re.compile(r'\A[a-z0-9]+(-[a-z0-9]+)*\Z')
norm = lambda s: ' '.join(s.split()).lower()
errors, ids, texts, count, links = [], {}, {}, 0, []
files = sys.argv[1:] or sorted(glob.glob(os.path.join(os.path.dirname(__file__), '..', 'content', 'questions', '*.json')))
for path in files:
    name = os.path.basename(path)
    data = json.load(open(path, encoding='utf-8'))
    cat = data['category']
    if not slug.match(cat['id']): errors.append(f"{name}: category id")
    for q in data['questions']:
        count += 1
        qid = q.get('id', '')
        def bad(msg): errors.append(f"{name}: {qid}: {msg}")
        ok = lambda s, n: isinstance(s, str) and s.strip() == s and 1 <= len(s) <= n
        if not slug.match(qid) or len(qid) > 40: bad("id")
        if q.get('difficulty') not in (1, 2, 3): bad("difficulty")
        if not ok(q.get('text'), 300): bad("text length/whitespace")
        opts = q.get('options', [])
        if len(opts) != 4: bad("need 4 options")
        elif not all(ok(o, 100) for o in opts): bad("option length/whitespace")
        elif len({norm(o) for o in opts}) != 4: bad("options not distinct")
        if q.get('correct') not in (0, 1, 2, 3): bad("correct")
        if not ok(q.get('explanation'), 200): bad("explanation length (1-200)")
        if not isinstance(q.get('source'), str) or not q['source'].strip(): bad("source")
        pk = q.get('patternKey')
        if pk is not None and not slug.match(pk): bad("patternKey")
        tags, related = q.get('tags', []), q.get('related', [])
        if not isinstance(tags, list) or not all(isinstance(t, str) and slug.match(t) for t in tags): bad("tags must be slugs")
        if not isinstance(related, list) or not all(isinstance(r, str) and slug.match(r) for r in related): bad("related must list ids")
        elif qid in related: bad("related to itself")
        else: links.extend((name, qid, r) for r in related)
        if qid in ids: bad(f"duplicate id (also {ids[qid]})")
        ids[qid] = name
        t = norm(q.get('text', ''))
        if t in texts: bad(f"duplicate question (also {texts[t]})")
        texts[t] = qid
errors += [f"{name}: {qid}: related question {r} does not exist" for name, qid, r in links if r not in ids]
print(f"{count} questions in {len(files)} files, {len(errors)} problems")
for e in errors: print("  " + e)
sys.exit(1 if errors else 0)
