/**
 * @module jobs/terms
 * Language-level word lists for reading job postings, shared by every curriculum: terms postings ask for
 * that a curriculum may not teach (languages, frameworks, fields), the cues that mark a requirement as
 * nice-to-have, section headings, seniority words, and phrases that look like skills but are not. A
 * curriculum's own vocabulary (curriculum data) names its skills; when it claims one of these terms, the
 * term counts as taught there.
 */

/** A term outside most curricula; `label` is shown as is (names of languages and tools are not translated). */
export interface CommonTerm {
  readonly id: string;
  readonly label: string;
  /** Case-insensitive phrases, matched as whole words. */
  readonly phrases: readonly string[];
  /** Phrases matched with their case as written ("Go", "R"), for names that are also common words. */
  readonly exactPhrases?: readonly string[];
  /** For exact phrases: the match counts only when one of these words is within 40 characters. */
  readonly near?: readonly string[];
}

export const COMMON_TERMS: readonly CommonTerm[] = [
  { id: 'java', label: 'Java', phrases: ['Java', 'JVM'] },
  { id: 'go', label: 'Go', phrases: ['Golang', 'goroutines'], exactPhrases: ['Go'] },
  { id: 'cpp', label: 'C++', phrases: ['C++', 'C/C++', 'CPP'] },
  { id: 'csharp', label: 'C#', phrases: ['C#', '.NET'] },
  { id: 'scala', label: 'Scala', phrases: ['Scala'] },
  { id: 'rust', label: 'Rust', phrases: ['Rust'] },
  {
    id: 'r',
    label: 'R',
    phrases: ['R language', 'R programming', 'R语言'],
    exactPhrases: ['R'],
    near: ['python', 'sql', 'sas', 'matlab', 'statistic', 'stata', '统计'],
  },
  { id: 'julia', label: 'Julia', phrases: ['Julia language'] },
  { id: 'matlab', label: 'MATLAB', phrases: ['MATLAB'] },
  { id: 'sas', label: 'SAS', phrases: ['SAS'] },
  { id: 'kotlin', label: 'Kotlin', phrases: ['Kotlin'] },
  { id: 'php', label: 'PHP', phrases: ['PHP'] },
  { id: 'tensorflow', label: 'TensorFlow', phrases: ['TensorFlow', 'Keras', 'TF2'] },
  { id: 'jax', label: 'JAX', phrases: ['JAX', 'Flax', 'Equinox', 'XLA'] },
  { id: 'mxnet', label: 'MXNet', phrases: ['MXNet', 'PaddlePaddle', '飞桨', 'Caffe'] },
  { id: 'cuda', label: 'CUDA', phrases: ['CUDA', 'cuDNN', 'ROCm', 'GPU kernels', 'kernel-level', 'Ascend C'] },
  { id: 'mpi', label: 'MPI / HPC', phrases: ['MPI', 'RDMA', 'InfiniBand', 'HPC', 'Slurm'] },
  {
    id: 'causal-inference',
    label: 'causal inference',
    phrases: ['causal inference', 'causal impact', 'uplift modeling', 'uplift modelling', '因果推断'],
  },
  {
    id: 'operations-research',
    label: 'operations research',
    phrases: ['operations research', 'combinatorial optimization', 'combinatorial optimisation', '运筹优化', '运筹学'],
  },
  {
    id: 'research-publications',
    label: 'a publication record',
    phrases: [
      'publication record',
      'publications',
      'published papers',
      'first-author',
      'top-tier conferences',
      'top-tier venues',
      '顶会论文',
      '发表论文',
      '发表过',
    ],
  },
  {
    id: 'graph-neural-networks',
    label: 'graph neural networks',
    phrases: ['graph neural networks', 'GNN', 'GNNs', '图神经网络'],
  },
  { id: 'excel', label: 'Excel', phrases: ['Excel', 'spreadsheets'] },
];

/** Phrases that contain skill words but name no skill; they hide what they contain. */
export const NOT_SKILLS: readonly string[] = [
  'attention to detail',
  'attention to details',
  'latency regressions',
  'performance regressions',
  'retrieval regressions',
  'quality regressions',
  'catch regressions',
  'Claude Code',
  'Cursor',
  'AI-assisted development',
  'AI-assisted coding',
  'feature requests',
  'product features',
  'new features',
  'shipping company',
  'data-driven decisions',
  'equal opportunity',
  '回归测试',
];

/** Words that mark what follows (a heading or label) or the clause they sit in as nice-to-have. */
export const NICE_TO_HAVE_CUES: readonly string[] = [
  'preferred',
  'preferable',
  'nice to have',
  'nice-to-have',
  'nice to haves',
  'nice-to-haves',
  'bonus',
  'bonus points',
  'a plus',
  'is a plus',
  'plus',
  'desirable',
  'desired',
  'good to have',
  'highly valued',
  'valued',
  'ideally',
  'an advantage',
  'advantageous',
  'would be great',
  '加分',
  '加分项',
  '优先',
  '更佳',
  '者优先',
  '优先考虑',
];

/** Cues that apply only to the list item they sit in ("Flink (optional)"), not to the whole sentence. */
export const OPTIONAL_CUES: readonly string[] = ['optional', '可选'];

/** Words that mark a heading or label as the start of required matter (requirements or duties). */
export const REQUIRED_CUES: readonly string[] = [
  'required',
  'requirements',
  'requirement',
  'qualifications',
  'must have',
  'must-have',
  'must haves',
  'minimum',
  'essential',
  'responsibilities',
  'duties',
  "what you'll do",
  'what you will do',
  'what you bring',
  'who you are',
  'the role',
  'about the role',
  'your role',
  'skills',
  'asks for',
  'we are looking for',
  'you have',
  '职责',
  '岗位职责',
  '工作职责',
  '工作内容',
  '要求',
  '任职要求',
  '岗位要求',
  '任职资格',
  '硬性要求',
  '技术要求',
  '职位描述',
  '岗位描述',
  '技能要求',
];

export const SENIORITY_WORDS: Readonly<Record<'intern' | 'junior' | 'senior' | 'lead', readonly string[]>> = {
  intern: ['intern', 'interns', 'internship', 'co-op', '实习', '实习生', 'byteintern'],
  junior: [
    'junior',
    'entry-level',
    'entry level',
    'new grad',
    'graduate',
    'associate',
    '初级',
    '应届',
    '校招',
    '校园招聘',
  ],
  senior: ['senior', 'sr.', 'sr', 'experienced', '资深', '高级'],
  lead: [
    'lead',
    'staff',
    'principal',
    'architect',
    'expert',
    'head of',
    'director',
    'manager',
    '架构师',
    '专家',
    '负责人',
    '主管',
    '总监',
  ],
};
