/**
 * @module RoadmapGraph
 * The skill graph drawn with xyflow and laid out top to bottom by dagre. Edges run from a
 * prerequisite to what it leads to, after transitive reduction so the picture stays readable.
 * Nodes are tinted by area and bordered by status. Loaded on demand: it carries the heavy libraries.
 */
import dagre from '@dagrejs/dagre';
import {
  Background,
  Controls,
  Handle,
  MiniMap,
  Position,
  ReactFlow,
  useReactFlow,
  useStore,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useEffect, useMemo, useRef } from 'react';
import { skillGraphFrom, transitiveReduction } from '../../../src/core/graph.js';
import type { Area, Curriculum } from '../../../src/core/model.js';
import type { Status } from '../lib/api.js';
import { useLocale } from '../lib/locale.js';
import { useDark } from '../lib/theme.js';
import { AREA_COLOURS, STATUS_STYLE } from '../lib/skills.js';

const WIDTH = 200;
const HEIGHT = 64;

interface SkillNodeData extends Record<string, unknown> {
  title: string;
  area: Area;
  areaLabel: string;
  status: Status | undefined;
  statusLabel: string;
  dimmed: boolean;
  dark: boolean;
}

const SkillNode = memo(function SkillNode({ data, selected }: NodeProps<Node<SkillNodeData>>) {
  const colours = AREA_COLOURS[data.area];
  const status = STATUS_STYLE[data.status ?? 'none'];
  return (
    <div
      className="flex h-full w-full items-stretch overflow-hidden rounded-md text-left text-slate-900 dark:text-slate-100"
      style={{
        // Skills outside the plan get a plain background (not lower opacity, which would cost contrast).
        background: data.dimmed ? (data.dark ? '#0f172a' : '#ffffff') : data.dark ? colours.tintDark : colours.tint,
        border: `${selected ? 3 : 2}px ${data.status === 'skipped' ? 'dashed' : 'solid'} ${
          selected ? '#2563eb' : status.border
        }`,
      }}
      title={`${data.title} (${data.areaLabel}, ${data.statusLabel})`}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <span aria-hidden="true" style={{ background: colours.band, width: 6, flexShrink: 0 }} />
      <span className="flex min-w-0 flex-1 flex-col justify-center px-2 py-1">
        <span className="line-clamp-2 text-sm leading-tight font-medium">{data.title}</span>
        <span className="text-xs">
          <span aria-hidden="true">{status.mark} </span>
          {data.statusLabel}
        </span>
      </span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});

const nodeTypes = { skill: SkillNode };

/** Once the pane has its size, put `start` in the middle of the view at a readable zoom. */
function InitialView({ start }: { start: { x: number; y: number } | undefined }) {
  const { setViewport, fitView } = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || width === 0 || height === 0) return;
    done.current = true;
    if (!start) {
      void fitView();
      return;
    }
    // In the middle, so what leads to the skill (above) and what it opens (below) are both in sight.
    const zoom = 0.8;
    void setViewport({
      x: width / 2 - (start.x + WIDTH / 2) * zoom,
      y: height / 2 - (start.y + HEIGHT / 2) * zoom,
      zoom,
    });
  }, [start, width, height, setViewport, fitView]);
  return null;
}

/**
 * Bring the chosen skill into view when it is off screen (chosen from the panel's prerequisite
 * links or the skill finder), keeping the zoom; a click on a visible node moves nothing.
 */
function FollowSelection({
  selected,
  positions,
}: {
  selected: string | undefined;
  positions: LayoutResult['positions'];
}) {
  const { getViewport, setCenter } = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  useEffect(() => {
    const at = selected ? positions.get(selected) : undefined;
    if (!at || width === 0) return;
    const { x, y, zoom } = getViewport();
    const left = at.x * zoom + x;
    const top = at.y * zoom + y;
    const inside = left >= 0 && top >= 0 && left + WIDTH * zoom <= width && top + HEIGHT * zoom <= height;
    if (!inside) void setCenter(at.x + WIDTH / 2, at.y + HEIGHT / 2, { zoom: Math.max(zoom, 0.75), duration: 300 });
  }, [selected, positions, width, height, getViewport, setCenter]);
  return null;
}

export interface LayoutResult {
  positions: Map<string, { x: number; y: number }>;
  edges: { from: string; to: string }[];
}

/** Lay the skills out with dagre; a pure function of the curriculum so it runs once per curriculum. */
export function layoutSkills(curriculum: Curriculum, only?: ReadonlySet<string>): LayoutResult {
  const skills = only ? curriculum.skills.filter((s) => only.has(s.id)) : curriculum.skills;
  const ids = new Set(skills.map((s) => s.id));
  const graph = skillGraphFrom(skills.map((s) => ({ id: s.id, requires: s.requires.filter((r) => ids.has(r.skill)) })));
  const edges = transitiveReduction(graph);
  const g = new dagre.graphlib.Graph();
  // Each skill sits one row below its latest prerequisite, so a row reads as "ready to learn
  // now". Dagre's longest-path ranker puts a node as close as it can to its successors; on the
  // reversed edges, drawn bottom to top, that is as close as it can to its prerequisites. (The
  // default ranker let a skill with few links, such as algorithms, sink to the bottom rows, next
  // to the job search.)
  g.setGraph({ rankdir: 'BT', ranker: 'longest-path', nodesep: 24, ranksep: 56, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const skill of skills) g.setNode(skill.id, { width: WIDTH, height: HEIGHT });
  for (const edge of edges) g.setEdge(edge.to, edge.from);
  dagre.layout(g);
  const positions = new Map<string, { x: number; y: number }>();
  for (const skill of skills) {
    const node = g.node(skill.id) as { x: number; y: number } | undefined;
    positions.set(skill.id, { x: (node?.x ?? 0) - WIDTH / 2, y: (node?.y ?? 0) - HEIGHT / 2 });
  }
  return { positions, edges };
}

export default function RoadmapGraph(props: {
  curriculum: Curriculum;
  statuses: Readonly<Record<string, Status>>;
  planSkills: ReadonlySet<string>;
  onlyPlan: boolean;
  selected: string | undefined;
  onSelect: (skillId: string | undefined) => void;
  /** Where to open: a skill the learner works on this week. */
  focus?: string | undefined;
}) {
  const { t, tx, locale } = useLocale();
  const { curriculum, statuses, planSkills, onlyPlan, selected, onSelect, focus } = props;
  const dark = useDark();
  const layout = useMemo(
    () => layoutSkills(curriculum, onlyPlan && planSkills.size > 0 ? planSkills : undefined),
    [curriculum, onlyPlan, planSkills],
  );
  const nodes = useMemo<Node<SkillNodeData>[]>(
    () =>
      curriculum.skills
        .filter((skill) => layout.positions.has(skill.id))
        .map((skill) => ({
          id: skill.id,
          type: 'skill',
          position: layout.positions.get(skill.id) ?? { x: 0, y: 0 },
          width: WIDTH,
          height: HEIGHT,
          selected: skill.id === selected,
          ariaLabel: `${tx(skill.title)}, ${t(`area.${skill.area}`)}, ${t(`status.${statuses[skill.id] ?? 'none'}`)}`,
          data: {
            title: tx(skill.title),
            area: skill.area,
            areaLabel: t(`area.${skill.area}`),
            status: statuses[skill.id],
            statusLabel: t(`status.${statuses[skill.id] ?? 'none'}`),
            dimmed: planSkills.size > 0 && !planSkills.has(skill.id),
            dark,
          },
        })),
    // `locale` is listed because titles change with the language.
    [curriculum, layout, statuses, planSkills, selected, locale, dark],
  );
  // Open on where the learner is: a skill of this week's plan (else the next skill of the plan not
  // done yet, else the first skill), in the middle of the view at a readable zoom. Fitting the
  // whole curriculum at once would make every title too small to read.
  const start = useMemo(() => {
    const next =
      focus !== undefined && layout.positions.has(focus)
        ? focus
        : [...planSkills].find((id) => layout.positions.has(id) && !statuses[id]);
    return layout.positions.get(next ?? curriculum.skills[0]?.id ?? '');
    // Only for the first draw: a status change must not move the view under the learner's pointer.
  }, [layout, curriculum, focus]);
  // Edges are quiet by default; the chosen skill's prerequisites and dependants light up.
  const edges = useMemo<Edge[]>(
    () =>
      layout.edges.map((edge) => {
        const near = selected !== undefined && (edge.from === selected || edge.to === selected);
        return {
          id: `${edge.from}->${edge.to}`,
          source: edge.from,
          target: edge.to,
          zIndex: near ? 1 : 0,
          style: near
            ? { stroke: dark ? '#93c5fd' : '#1d4ed8', strokeWidth: 2.5 }
            : { stroke: dark ? '#475569' : '#94a3b8', strokeWidth: 1, opacity: selected ? 0.45 : 0.8 },
        };
      }),
    [layout, selected, dark],
  );

  return (
    <div
      className="h-[70vh] min-h-[420px] w-full rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
      data-testid="roadmap-graph"
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={(_, node) => onSelect(node.id)}
        onPaneClick={() => onSelect(undefined)}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        colorMode={dark ? 'dark' : 'light'}

        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={{
          'node.a11yDescription.default': t('graph.nodeHelp'),
          'node.a11yDescription.keyboardDisabled': t('graph.nodeHelp'),
          'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('graph.moved', { direction, x, y }),
          'edge.a11yDescription.default': t('graph.edgeHelp'),
          'controls.ariaLabel': t('graph.controls'),
          'controls.zoomIn.ariaLabel': t('graph.zoomIn'),
          'controls.zoomOut.ariaLabel': t('graph.zoomOut'),
          'controls.fitView.ariaLabel': t('graph.fitView'),
          'controls.interactive.ariaLabel': t('graph.interactive'),
          'minimap.ariaLabel': t('graph.minimap'),
          'handle.ariaLabel': t('graph.handle'),
        }}
      >
        <InitialView start={start} />
        <FollowSelection selected={selected} positions={layout.positions} />
        <Background gap={24} />
        <Controls showInteractive={false} />
        <MiniMap
          className="max-sm:hidden"
          style={{ width: 160, height: 110 }}
          pannable
          zoomable
          ariaLabel={t('graph.minimap')}
        />
      </ReactFlow>
    </div>
  );
}
