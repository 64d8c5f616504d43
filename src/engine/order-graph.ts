/**
 * A dependency graph with the order Eleventy's template graph has (the `dependency-graph`
 * package with cycles allowed): depth first, dependencies before the nodes that use them,
 * starting from each node nothing uses, in the order nodes were added; a node's dependencies
 * are walked in the order they were added. A dependency already on the current path closes a
 * cycle and is skipped; nodes left unvisited (cycles nothing outside uses) are walked last.
 * Reproducing this walk exactly gives templates and collections the order Eleventy gives them.
 */
export class OrderGraph {
  /** Each node's dependencies, in the order added; the map keeps the order nodes were added. */
  private readonly edges = new Map<string, string[]>();
  private readonly edgeSets = new Map<string, Set<string>>();
  private readonly used = new Set<string>();

  addNode(node: string): void {
    if (this.edges.has(node)) return;
    this.edges.set(node, []);
    this.edgeSets.set(node, new Set());
  }

  /** `from` depends on `to`. */
  uses(from: string, to: string): void {
    this.addNode(from);
    this.addNode(to);
    const seen = this.edgeSets.get(from)!;
    if (seen.has(to)) return;
    seen.add(to);
    this.edges.get(from)!.push(to);
    this.used.add(to);
  }

  dependenciesOf(node: string): readonly string[] {
    return this.edges.get(node) ?? [];
  }

  /** Every node, each after the nodes it depends on except where a cycle was cut. */
  order(): string[] {
    const result: string[] = [];
    const visited = new Set<string>();
    const walk = (start: string): void => {
      if (visited.has(start)) return;
      const onPath = new Set<string>();
      const stack: { node: string; expanded: boolean }[] = [{ node: start, expanded: false }];
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        if (top.expanded) {
          stack.pop();
          onPath.delete(top.node);
          visited.add(top.node);
          result.push(top.node);
          continue;
        }
        if (visited.has(top.node) || onPath.has(top.node)) {
          stack.pop();
          continue;
        }
        onPath.add(top.node);
        top.expanded = true;
        const deps = this.edges.get(top.node)!;
        // Pushed last to first, so the first dependency is walked first.
        for (let i = deps.length - 1; i >= 0; i--) stack.push({ node: deps[i]!, expanded: false });
      }
    };
    for (const node of this.edges.keys()) if (!this.used.has(node)) walk(node);
    for (const node of this.edges.keys()) walk(node);
    return result;
  }
}
