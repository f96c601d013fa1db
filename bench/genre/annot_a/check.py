import json,sys
bad=0
for l in open(sys.argv[1],encoding="utf-8"):
    d=json.loads(l); t=d["text"]
    assert t==open("/work/main/bench/genre/"+d["source"],encoding="utf-8").read()
    def loc(s,o):
        at=-1
        for _ in range(o):
            at=t.find(s,at+1)
            if at<0: return None
        return at
    ig=[]
    for i in d["ignore"]:
        p=loc(i["text"],i.get("occurrence",1)); assert p is not None; ig.append((p,p+len(i["text"])))
    seen=set()
    for g in d["gold"]:
        o=g.get("occurrence",1); p=loc(g["text"],o)
        if p is None: print(d["id"],"MISSING",g); bad+=1; continue
        if any(p<b and a<p+len(g["text"]) for a,b in ig): print(d["id"],"IN IGNORE",g); bad+=1
        key=(g["kind"],p)
        if key in seen: print(d["id"],"DUP",g); bad+=1
        seen.add(key)
    print(d["id"],len(d["gold"]),"gold ok")
print("problems",bad)
