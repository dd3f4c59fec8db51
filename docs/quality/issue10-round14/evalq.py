# usage: evalq.py BANKDIR [-v]: option-level score of a bank against the blind option labels of held-out 34-39
# (BANKDIR/heldoutN/questions.jsonl from `manage.py questions --sample 100000 --seed 1` after ingesting the set)
import json,sys,collections,os
LABELS=os.path.join(os.path.dirname(os.path.abspath(__file__)),'option-labels')
BANK=sys.argv[1]; verbose='-v' in sys.argv
tot=collections.Counter()
for s in range(34,40):
    items=[json.loads(l) for l in open(f'{LABELS}/heldout{s}/items.jsonl')]
    labels={json.loads(l)['id']:json.loads(l) for l in open(f'{LABELS}/heldout{s}/labels.jsonl')}
    key={(i['option'],i['quote'],i['in_notes']):labels[i['id']] for i in items}
    cov={}  # option -> label for unquoted (covered?) / better
    for i in items:
        lb=labels[i['id']]
        cov.setdefault(i['option'],[]).append(lb)
    seen=set(); c=collections.Counter()
    for l in open(f'{BANK}/heldout{s}/questions.jsonl'):
        j=json.loads(l)
        for e in j['explanations']:
            k=(e['option'],e['quote'],e['in_notes'])
            if k in seen: continue
            seen.add(k)
            lb=key.get(k)
            if lb is not None:
                ok = lb['fits'] if e['quote'] else (lb['covered'] is False)
                c['ok' if ok else 'bad']+=1
            else:
                # new item: quoted -> fits if source equals some 'better' of that option; else unknown
                betters={b['better'].split(',')[0].strip() for b in cov.get(e['option'],[]) if b.get('better')}
                srcs={x for x in e.get('sources',[])}
                if e['quote'] and betters & srcs: c['ok-new']+=1; tag='OKNEW'
                elif not e['quote'] and any(b.get('covered') for b in cov.get(e['option'],[])): c['bad-new']+=1; tag='BADNEW'
                elif not e['quote'] and any(b.get('covered') is False for b in cov.get(e['option'],[])): c['ok-new']+=1; tag='OKNEW'
                else: c['unknown']+=1; tag='UNK'
                if verbose and tag!='OKNEW': print(f'  H{s} {tag} {e["option"]} | {e["quote"][:120]} | {e.get("sources")} | better={betters}')
    print(s,dict(c)); tot+=c
print('total',dict(tot))
