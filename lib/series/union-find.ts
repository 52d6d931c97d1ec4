/**
 * Disjoint sets over string keys (path halving). The representative of a set is the
 * smallest key by `prefer`, whatever the order of the unions, so nothing downstream can
 * depend on the order in which messages were handed to the assembler.
 */
export class UnionFind {
  private readonly parent = new Map<string, string>();

  constructor(private readonly prefer: (a: string, b: string) => number) {}

  find(x: string): string {
    let cur = x;
    let p = this.parent.get(cur);
    while (p !== undefined && p !== cur) {
      const gp = this.parent.get(p);
      if (gp === undefined || gp === p) return p;
      this.parent.set(cur, gp);
      cur = gp;
      p = this.parent.get(cur);
    }
    return cur;
  }

  union(a: string, b: string): string {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return ra;
    const [root, child] = this.prefer(ra, rb) <= 0 ? [ra, rb] : [rb, ra];
    this.parent.set(child, root);
    return root;
  }
}
