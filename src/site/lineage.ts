// Lineage from ODPS data products: a product's inputPorts consume contracts, its outputPorts publish
// contracts. Contract -> product -> contract edges give every contract its upstream and downstream
// neighbours. Graphs are laid out at build time with dagre and drawn as inline SVG by a template.
import dagre from '@dagrejs/dagre';
import type { LineageEdge, LineageGraph, LineageNode, Link } from './model.js';
import { records, str } from './values.js';

export interface ProductPorts {
  /** ODPS id, else name, else file. */
  key: string;
  name: string;
  domain?: string;
  inputs: string[];
  outputs: string[];
}

export interface LineageIndex {
  products: ProductPorts[];
  /** contract id -> products that publish it through an output port. */
  producedBy: Map<string, ProductPorts[]>;
  /** contract id -> products that consume it through an input port. */
  consumedBy: Map<string, ProductPorts[]>;
}

function portContracts(ports: unknown): string[] {
  return records(ports)
    .map((port) => str(port.contractId) ?? str(port.contract))
    .filter((id): id is string => id !== undefined);
}

export function productPorts(data: Record<string, unknown>, fallbackKey: string): ProductPorts {
  const name = str(data.name) ?? str(data.id) ?? fallbackKey;
  return { key: str(data.id) ?? name, name, domain: str(data.domain), inputs: portContracts(data.inputPorts), outputs: portContracts(data.outputPorts) };
}

export function lineageIndex(products: readonly ProductPorts[]): LineageIndex {
  const producedBy = new Map<string, ProductPorts[]>();
  const consumedBy = new Map<string, ProductPorts[]>();
  const add = (map: Map<string, ProductPorts[]>, id: string, p: ProductPorts) => {
    const list = map.get(id) ?? [];
    if (!list.includes(p)) list.push(p);
    map.set(id, list);
  };
  for (const p of products) {
    for (const id of p.outputs) add(producedBy, id, p);
    for (const id of p.inputs) add(consumedBy, id, p);
  }
  return { products: [...products], producedBy, consumedBy };
}

/** Contracts feeding the products that publish `contractId`. */
export function upstreamOf(index: LineageIndex, contractId: string): string[] {
  const out = new Set<string>();
  for (const p of index.producedBy.get(contractId) ?? []) for (const id of p.inputs) if (id !== contractId) out.add(id);
  return [...out].sort();
}

/** Contracts published by the products that consume `contractId`. */
export function downstreamOf(index: LineageIndex, contractId: string): string[] {
  const out = new Set<string>();
  for (const p of index.consumedBy.get(contractId) ?? []) for (const id of p.outputs) if (id !== contractId) out.add(id);
  return [...out].sort();
}

export interface GraphInput {
  nodes: { id: string; label: string; sublabel?: string; kind: 'contract' | 'product'; href?: string; focus?: boolean }[];
  edges: { from: string; to: string }[];
  label: string;
}

/** The neighbourhood of one contract: its producing and consuming products and their other contracts. */
export function neighbourhood(index: LineageIndex, contractId: string, link: (id: string) => Link | undefined): GraphInput | undefined {
  const producers = index.producedBy.get(contractId) ?? [];
  const consumers = index.consumedBy.get(contractId) ?? [];
  if (producers.length === 0 && consumers.length === 0) return undefined;
  const nodes = new Map<string, GraphInput['nodes'][number]>();
  const edges: GraphInput['edges'] = [];
  const contractNode = (id: string) => {
    const key = `c:${id}`;
    if (!nodes.has(key)) {
      const target = link(id);
      nodes.set(key, { id: key, label: target?.label ?? id, sublabel: target ? id : 'not in this mesh', kind: 'contract', href: id === contractId ? undefined : target?.href, focus: id === contractId });
    }
    return key;
  };
  const productNode = (p: ProductPorts) => {
    const key = `p:${p.key}`;
    if (!nodes.has(key)) nodes.set(key, { id: key, label: p.name, sublabel: 'data product', kind: 'product' });
    return key;
  };
  const focus = contractNode(contractId);
  for (const p of producers) {
    const pk = productNode(p);
    edges.push({ from: pk, to: focus });
    for (const id of p.inputs) edges.push({ from: contractNode(id), to: pk });
  }
  for (const p of consumers) {
    const pk = productNode(p);
    edges.push({ from: focus, to: pk });
    for (const id of p.outputs) if (id !== contractId) edges.push({ from: pk, to: contractNode(id) });
  }
  return { nodes: [...nodes.values()], edges: dedupeEdges(edges), label: `Lineage of ${link(contractId)?.label ?? contractId}` };
}

/** Every product and contract of the mesh that takes part in lineage. */
export function fullGraph(index: LineageIndex, link: (id: string) => Link | undefined): GraphInput {
  const nodes = new Map<string, GraphInput['nodes'][number]>();
  const edges: GraphInput['edges'] = [];
  const contractNode = (id: string) => {
    const key = `c:${id}`;
    const target = link(id);
    if (!nodes.has(key)) nodes.set(key, { id: key, label: target?.label ?? id, sublabel: target ? id : 'not in this mesh', kind: 'contract', href: target?.href });
    return key;
  };
  for (const p of index.products) {
    const pk = `p:${p.key}`;
    nodes.set(pk, { id: pk, label: p.name, sublabel: p.domain ? `product · ${p.domain}` : 'data product', kind: 'product' });
    for (const id of p.inputs) edges.push({ from: contractNode(id), to: pk });
    for (const id of p.outputs) edges.push({ from: pk, to: contractNode(id) });
  }
  return { nodes: [...nodes.values()], edges: dedupeEdges(edges), label: 'Lineage of every data product in the mesh' };
}

/** Domains as nodes, an edge when a product of the target domain consumes a contract of the source domain. */
export function domainGraph(index: LineageIndex, domainOfContract: (id: string) => string | undefined, domainHref: (d: string) => string | undefined): GraphInput | undefined {
  const counts = new Map<string, number>();
  const domains = new Set<string>();
  for (const p of index.products) {
    const targets = new Set([p.domain, ...p.outputs.map(domainOfContract)].filter((d): d is string => d !== undefined));
    for (const input of p.inputs) {
      const from = domainOfContract(input);
      if (!from) continue;
      for (const to of targets) {
        if (to === from) continue;
        domains.add(from).add(to);
        counts.set(`${from}\u0000${to}`, (counts.get(`${from}\u0000${to}`) ?? 0) + 1);
      }
    }
  }
  if (counts.size === 0) return undefined;
  return {
    nodes: [...domains].sort().map((d) => ({ id: `d:${d}`, label: d, sublabel: 'domain', kind: 'product' as const, href: domainHref(d) })),
    edges: [...counts.keys()].map((key) => {
      const [from, to] = key.split('\u0000');
      return { from: `d:${from}`, to: `d:${to}` };
    }),
    label: 'Data flows between domains',
  };
}

function dedupeEdges(edges: GraphInput['edges']): GraphInput['edges'] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.from}\u0000${e.to}`;
    if (seen.has(key) || e.from === e.to) return false;
    seen.add(key);
    return true;
  });
}

const MAX_LABEL = 30;
const NODE_HEIGHT = 46;
/** Room around the drawing so edges routed along the border stay visible. */
const PAD = 16;

function truncate(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/** Lays a graph out left to right and returns node boxes and edge paths in SVG coordinates. */
export function layoutGraph(input: GraphInput): LineageGraph {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 56, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of input.nodes) {
    const chars = Math.max(truncate(node.label).length, Math.min(node.sublabel?.length ?? 0, MAX_LABEL));
    g.setNode(node.id, { width: Math.min(260, Math.max(120, Math.round(chars * 7.4 + 28))), height: NODE_HEIGHT });
  }
  for (const edge of input.edges) g.setEdge(edge.from, edge.to);
  dagre.layout(g);
  const nodes: LineageNode[] = input.nodes.map((node) => {
    const box = g.node(node.id) as { x: number; y: number; width: number; height: number };
    return {
      id: node.id,
      label: truncate(node.label),
      sublabel: node.sublabel ? truncate(node.sublabel) : undefined,
      kind: node.kind,
      href: node.href,
      focus: node.focus === true,
      x: Math.round(box.x - box.width / 2) + PAD,
      y: Math.round(box.y - box.height / 2) + PAD,
      width: box.width,
      height: box.height,
    };
  });
  const edges: LineageEdge[] = input.edges.map((edge) => {
    const points = ((g.edge(edge.from, edge.to) as { points?: { x: number; y: number }[] }).points ?? []).map((p) => ({ x: Math.round(p.x) + PAD, y: Math.round(p.y) + PAD }));
    return { from: edge.from, to: edge.to, d: pathData(points) };
  });
  const size = g.graph() as { width?: number; height?: number };
  const ys = edges.length ? input.edges.flatMap((e) => ((g.edge(e.from, e.to) as { points?: { y: number }[] }).points ?? []).map((p) => p.y)) : [];
  const height = Math.max(size.height ?? 0, ...ys);
  return { width: Math.ceil(size.width ?? 0) + 2 * PAD, height: Math.ceil(height) + 2 * PAD, nodes, edges, label: input.label };
}

/** Smooth left-to-right curve through dagre's points (horizontal tangents at every point). */
function pathData(points: { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const mx = Math.round((a.x + b.x) / 2);
    d += ` C${mx},${a.y} ${mx},${b.y} ${b.x},${b.y}`;
  }
  return d;
}
