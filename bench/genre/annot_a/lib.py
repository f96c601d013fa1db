import json
PFX=[("Huyện ","district"),("huyện ","district"),("Tỉnh ","province"),("tỉnh ","province"),("Xã ","commune"),("xã ","commune"),("Phường ","ward"),("phường ","ward"),("Quận ","district"),("quận ","district"),("thị xã ","town"),("TP. ","city"),("thành phố ","city")]
def N(s,v,unit=None,q="exact",ctx=None): return dict(kind="number",text=s,value=v,unit=unit,qualifier=q,_ctx=ctx)
def P(s,v,q="exact",ctx=None): return dict(kind="percent",text=s,value=float(v),qualifier=q,_ctx=ctx)
def R(s,n,d,ctx=None): return dict(kind="ratio",text=s,numerator=n,denominator=d,_ctx=ctx)
def D(s,f,l,g,t=None,alt=None,ctx=None):
    d=dict(kind="date",text=s,first_day=f,last_day=l,grain=g,time=t,_ctx=ctx)
    if alt: d["alt"]=alt
    return d
def S(s,name,alt=None,ctx=None):
    d=dict(kind="system",text=s,name=name,_ctx=ctx)
    if alt: d["alt"]=[{"name":a} for a in alt]
    return d
def SL(s,levels,ctx=None): return dict(kind="service_level",text=s,levels=levels,_ctx=ctx)
def O(s,name=None,alt=None,ctx=None):
    d=dict(kind="organization",text=s,name=name or s,_ctx=ctx)
    if alt: d["alt"]=[{"name":a} for a in alt]
    return d
def L(s,level=None,name=None,ctx=None):
    nm=s
    for p,lv in PFX:
        if s.startswith(p):
            nm=s[len(p):]; level=level or lv; break
    return dict(kind="location",text=s,name=name or nm,level=level,_ctx=ctx)
def PE(s,title=None,name=None,alt=None,ctx=None):
    d=dict(kind="person",text=s,name=name or s,title=title,_ctx=ctx)
    if alt: d["alt"]=[{"name":a} for a in alt]
    return d
def LR(s,num,dt,date=None,ctx=None): return dict(kind="legal_ref",text=s,number=num,doc_type=dt,date=date,_ctx=ctx)

def occ_of(text,surface,pos):
    at=-1;k=0
    while True:
        at=text.find(surface,at+1)
        if at<0: raise ValueError("no")
        k+=1
        if at==pos: return k
def build(i,published,items,ignore=(),show=True):
    text=open(f"/work/main/bench/genre/a_{i}.txt",encoding="utf-8").read()
    cur=0;gold=[];ok=True
    for it in items:
        it=dict(it);ctx=it.pop("_ctx");s=it["text"]
        pos=None
        if ctx:
            assert s in ctx,(s,ctx)
            off=ctx.index(s);at=-1
            while True:
                at=text.find(ctx,at+1)
                if at<0: break
                if at+off>=cur: pos=at+off;break
        else:
            p=text.find(s,cur)
            pos=p if p>=0 else None
        if pos is None:
            print("NOT FOUND after cursor:",it["kind"],repr(s),ctx);ok=False;continue
        cur=pos
        o=occ_of(text,s,pos)
        if o>1: it["occurrence"]=o
        it={k:v for k,v in it.items() if not (k=="unit" and v is None and False)}
        # reorder to put occurrence after text
        out={"kind":it["kind"],"text":s}
        if o>1: out["occurrence"]=o
        for k,v in it.items():
            if k not in out: out[k]=v
        gold.append(out)
        if show: print(f"{pos:5d} {it['kind'][:5]:5} {s!r:40} o={o} | …{text[max(0,pos-15):pos]}[{s}]{text[pos+len(s):pos+len(s)+12]}…".replace("\n","⏎"))
    ign=[{"text":t} for t in ignore]
    for t in ignore: assert text.count(t)==1,t
    doc={"id":f"heldout-a-{i}","source":f"a_{i}.txt","published":published,"text":text,"gold":gold,"ignore":ign}
    json.dump(doc,open(f"/tmp/ann/doc{i}.json","w"),ensure_ascii=False)
    print("items",len(gold),"ok",ok)
