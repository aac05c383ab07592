#!/usr/bin/env python3
"""Lines of mutation feature files by kind: rules versus ceremony (issue #9's measure).

Usage: scripts/measure-mutations.py [--rev REV] FILE...   (with --rev, reads the files as of that commit)
Kinds: blank, comment, ceremony (usings, namespace, the feature's class header, the lines that open the field
declaration and its resolver, hand-written input/payload graph types, per-resolver plumbing: context,
transaction, commit, service look-ups), contract (what the schema says: description, authorization, costs,
unique-index answers, and the input/payload records or classes, declared once), structure (brace-only lines
in rule code), rules (everything else).
"""
import re, subprocess, sys

PLUMBING = re.compile(r'CreateDbContextAsync|BeginTransactionAsync|CommitAsync\(|GetRequiredService<|RequestServices|UsersDbAsync|'
                      r'var ct = |var services = |catch \(UserErrorException|var \(db, |var \(normalized, ct\)|await using var db')
TYPE_DECL = re.compile(r'^(internal|public)\s+(sealed\s+)?(class|record)\s+\w*(Input|Payload|InputType|PayloadType)\b')
CONTRACT = re.compile(r'^\.(Description|Authorize\w*|AllowAnonymous|Expensive|OnUniqueViolation|WithExecutionTimeout)\(')
HEADER_START = re.compile(r'public static void (Declare|AddMutationField)\b')
HEADER_END = re.compile(r'\.(Resolve|Run|RunWithoutTransaction)(<[^>]*>)?\(')

def classify(text):
    counts = dict(blank=0, comment=0, ceremony=0, contract=0, structure=0, rules=0)
    kind = 'ceremony'
    in_type = False; depth = 0; in_header = False; in_record_params = False
    for raw in text.split('\n'):
        line = raw.strip()
        if in_type:
            counts[kind] += 1
            depth += raw.count('{') - raw.count('}')
            if depth <= 0 and ('}' in raw or raw.rstrip().endswith(';')):
                in_type = False
            continue
        if in_record_params:
            counts[kind] += 1
            if raw.rstrip().endswith(';') or raw.rstrip().endswith('{'):
                in_record_params = False
                if raw.rstrip().endswith('{'):
                    in_type, depth = True, 1
            continue
        if not line:
            counts['blank'] += 1
        elif line.startswith('//'):
            counts['comment'] += 1
        elif line.startswith(('using ', 'namespace ', 'global using ')):
            counts['ceremony'] += 1
        elif TYPE_DECL.match(line):
            kind = 'ceremony' if re.search(r'(InputType|PayloadType)\b', line.split(':')[0]) else 'contract'
            counts[kind] += 1
            if line.endswith(';'):
                pass
            elif line.endswith('(') or (line.count('(') > line.count(')')):
                in_record_params = True
            else:
                in_type, depth = True, raw.count('{') - raw.count('}')
                if depth == 0 and line.endswith('}'):
                    in_type = False
        elif re.match(r'^(internal|public)\s+(static\s+)?(sealed\s+)?class\s+\w+', line) or (line in ('{', '}') and raw.startswith(('{', '}'))):
            counts['ceremony'] += 1
        elif HEADER_START.search(line):
            counts['ceremony'] += 1
            in_header = not HEADER_END.search(line)
        elif in_header:
            counts['contract' if CONTRACT.match(line) else 'ceremony'] += 1
            if HEADER_END.search(line):
                in_header = False
        elif PLUMBING.search(line):
            counts['ceremony'] += 1
        elif re.fullmatch(r'[{}()\[\];,]+', line):
            counts['structure'] += 1
        else:
            counts['rules'] += 1
    return counts

def main(argv):
    rev = None
    if argv[:1] == ['--rev']:
        rev, argv = argv[1], argv[2:]
    total = dict(blank=0, comment=0, ceremony=0, contract=0, structure=0, rules=0)
    for path in argv:
        text = subprocess.run(['git', 'show', f'{rev}:{path}'], capture_output=True, text=True, check=True).stdout if rev else open(path).read()
        if text.endswith('\n'):
            text = text[:-1]
        c = classify(text)
        n = sum(c.values())
        print(f'{n:5} {c["ceremony"]:4} cer {c["contract"]:4} con {c["rules"]:4} rules  {path}')
        for k in total: total[k] += c[k]
    n = sum(total.values())
    print(f'{n:5} lines: ' + ', '.join(f'{k} {v} ({100*v/n:.0f}%)' for k, v in total.items()))

main(sys.argv[1:])
