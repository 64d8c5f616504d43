/**
 * A dependency graph with the order Eleventy's template graph has (the `dependency-graph`
 * package with cycles allowed): depth first, dependencies before the nodes that use them,
 * starting from each node nothing uses, in the order nodes were added; a node's dependencies
 * are walked in the order they were added. A dependency already on the current path closes a
 * cycle and is skipped; nodes left unvisited (cycles nothing outside uses) are walked last.
 * Reproducing this walk exactly gives templates and collections the order Eleventy gives them.
 * Nodes are numbers (in the order added), as a site has a node per template.
 */
export class OrderGraph {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  /** Each node's dependencies, in the order added. */
  private readonly edges: number[][] = [];
  /** For nodes with many dependencies, the same as a set, to skip an edge added twice. */
  private readonly edgeSets = new Map<number, Set<number>>();
  private readonly used: boolean[] = [];

  /** The node named `name`, added now if it is new. */
  node(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
      this.edges.push([]);
      this.used.push(false);
    }
    return id;
  }

  name(id: number): string {
    return this.names[id]!;
  }

  /** `from` depends on `to`; named nodes are added in that order. */
  uses(fromName: string, toName: string): void {
    const from = this.node(fromName);
    const to = this.node(toName);
    const deps = this.edges[from]!;
    let set = this.edgeSets.get(from);
    if (set ? set.has(to) : deps.includes(to)) return;
    deps.push(to);
    if (set) set.add(to);
    else if (deps.length > 16) this.edgeSets.set(from, (set = new Set(deps)));
    this.used[to] = true;
  }

  dependenciesOf(id: number): readonly number[] {
    return this.edges[id] ?? [];
  }

  /** Every node, each after the nodes it depends on except where a cycle was cut. */
  order(): number[] {
    const count = this.names.length;
    const result: number[] = [];
    const visited = new Uint8Array(count);
    const onPath = new Uint8Array(count);
    const stack: number[] = [];
    // Whether the node at the same place in `stack` has pushed its dependencies.
    const expanded: boolean[] = [];
    const walk = (start: number): void => {
      if (visited[start]) return;
      stack.push(start);
      expanded.push(false);
      while (stack.length) {
        const top = stack.length - 1;
        const node = stack[top]!;
        if (expanded[top]) {
          stack.pop();
          expanded.pop();
          onPath[node] = 0;
          visited[node] = 1;
          result.push(node);
          continue;
        }
        if (visited[node] || onPath[node]) {
          stack.pop();
          expanded.pop();
          continue;
        }
        onPath[node] = 1;
        expanded[top] = true;
        const deps = this.edges[node]!;
        // Pushed last to first, so the first dependency is walked first.
        for (let i = deps.length - 1; i >= 0; i--) {
          stack.push(deps[i]!);
          expanded.push(false);
        }
      }
    };
    for (let id = 0; id < count; id++) if (!this.used[id]) walk(id);
    for (let id = 0; id < count; id++) walk(id);
    return result;
  }
}
