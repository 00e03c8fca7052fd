/**
 * @module help-messages
 * What `mlpath --help` says, in English and Simplified Chinese: every command, option and argument
 * description, and commander's own words (headings, the help and version options, its parse
 * errors). One table per locale with the same keys and `{name}` placeholders, the same shape as
 * the CLI's other message tables. Commander builds help text when commands are registered, so the
 * locale is chosen from the environment before the program is built.
 */
import type { Locale } from '../core/model.js';
import { chooseLocale } from './locale.js';
import { fill } from './fill.js';

const EN = {
  'program.description': 'Your dated, explained, trackable plan to become a machine-learning engineer.',
  'program.version': 'output the version number',
  'program.help': 'display help for command',
  'program.helpCommand': 'display help for command',
  // curriculum
  'curriculum.description': 'check, show and import curricula',
  'curriculum.check': 'validate a curriculum folder (default: the shipped ML-engineer curriculum)',
  'curriculum.show': 'print the normalized curriculum',
  'curriculum.dir': 'curriculum folder',
  'curriculum.checkJson': 'print the result as JSON',
  'curriculum.showJson': 'print JSON (the only format for now)',
  'curriculum.import':
    'convert a roadmap.sh roadmap, an OSSU curriculum or Metacademy content into a curriculum folder',
  'curriculum.importFrom': 'the source format: roadmap-sh, ossu or metacademy',
  'curriculum.importSource':
    'roadmap.sh: the roadmap folder; OSSU: the README (or its folder); Metacademy: metacademy-content or graph_data.json',
  'curriculum.importOutput': 'the curriculum folder to write (new or empty)',
  'curriculum.importHours':
    'hours a node counts when the source gives no times: each roadmap.sh topic (default {roadmap}), each OSSU course listed without figures (default {ossu})',
  'curriculum.importForce': 'replace the output folder if it already holds files',
  'curriculum.importJson': 'print the summary as JSON on stdout',
  // plan and profile flags
  plan: "make a dated week-by-week plan from where you are to the curriculum's goal, with the reasons",
  'plan.curriculum': 'a curriculum folder (default: the shipped ML-engineer curriculum)',
  'plan.json': 'print the plan as JSON',
  'flag.startPoint': 'plan from this starting point (from-scratch, career-changer, developer, ...)',
  'flag.hours':
    "effective study hours a week: time actually studying, not time at the desk (more than 0, at most 100); full-time = 28, the effective part of a 40-hour week, which plans the article's full time",
  'flag.style': 'learning style: structured, university or practical',
  'flag.domain': 'the field to go deep in (nlp, computer-vision, time-series, ...)',
  'flag.start': 'first day of study, YYYY-MM-DD (default: next Monday)',
  'flag.known': 'skills you already know, comma-separated',
  'flag.freeOnly': 'only free resources (free-to-audit courses count as free)',
  'flag.target': 'a role (default ml-engineer) or any skill id',
  'flag.marketReady':
    "plan for everything the role's job postings ask, beyond the article's plan, and show how much longer it takes",
  'flag.route': 'override the recommended route',
  'flag.region':
    'where you study from: cn (mainland China) prefers resources reachable there and says what it swapped; none clears it',
  'flag.weeksOff': 'weeks with no study: START..END[,START..END...]',
  'flag.factor': 'your own learner factor on provider hours (0.8-2.0)',
  'flag.pin': 'resources to take in any case, comma-separated',
  'flag.exclude': 'resources never to take, comma-separated',
  'flag.swap': 'take one resource instead of another: FROM=TO[,FROM=TO...]',
  'flag.studyDays': 'days you study, e.g. mon,wed,sat (none: no study days); calendars then show timed sessions',
  'flag.studyTime': 'when your sessions start, HH:MM (default 19:00); a session lasts your weekly hours / study days',
  'flag.timeZone': "your time zone, e.g. Europe/Berlin (default: this computer's)",
  'flag.reminder': 'a calendar reminder this many minutes before each session',
  'flag.locale': 'language of the output: en or zh-CN',
  // init
  init: 'set up your profile (questions, or flags with --yes) and see your route and first weeks',
  'init.yes': 'ask nothing: take the flags (and defaults) as they are',
  'init.force': 'replace an existing profile (progress is kept)',
  'init.json': 'print the saved profile and plan summary as JSON',
  // tracking
  done: 'mark a skill, resource or unit done',
  learning: 'mark a skill, resource or unit as being learned',
  skip: 'skip a skill, resource or unit',
  reset: 'clear the status of a skill, resource or unit',
  'track.id': 'skill id, resource id or resource/unit (old skill ids work too)',
  'track.note': 'a note to keep with it',
  'track.noLog': 'tick without logging the hours the plan gives the task',
  'track.json': 'print the recorded event as JSON',
  undo: 'undo the latest progress step (repeat to go further back)',
  'undo.json': 'print the recorded undo event as JSON',
  review:
    'review the self-check questions of the skills you have done, spaced out so they stick (keys: Space shows the answer, 1-4 rate it, q stops)',
  'review.card': 'a card to rate without the terminal session: skill/question (see --json)',
  'review.rating': 'how well you recalled it: again, hard, good or easy',
  'review.json': 'list the cards due and how well each done skill is remembered, as JSON',
  'review.limit': 'review at most this many cards',
  'review.anki': 'write the cards to a tab-separated file that Anki imports',
  note: 'keep a note in your progress log',
  'note.text': 'the note',
  'note.on': 'what it is about: a skill, resource or resource/unit',
  log: 'log study time: HOURS as 1.5, 90m or 1h30m',
  'log.hours': 'time spent: 1.5, 90m, 1h30m or 1:30',
  'log.on': 'what it was spent on: a skill, resource or resource/unit',
  'log.date': 'the day (YYYY-MM-DD; default today)',
  // views
  today: 'what to study now, from the re-planned plan',
  week: "this week's study plan, from the re-planned plan",
  status: 'progress per stage, hours, streak, readiness and the forecast finish date',
  burnup: 'the burn-up by week: planned hours of finished work, hours logged, plan and forecast',
  'view.json': 'print JSON',
  // target jobs
  job: 'your target jobs: read a job posting against your progress, keep it, list, remove',
  'job.analyze': 'find the skills, role, seniority, your readiness and your gaps in a job posting',
  'job.add': 'keep a job posting among your target jobs (see `mlpath plan --jobs`)',
  'job.list': 'list your target jobs with your readiness for each',
  'job.remove': 'forget a target job',
  'job.file': 'a text, Markdown or HTML file with the posting, or - for standard input',
  'job.id': 'the id `mlpath job list` shows',
  'job.locale': 'the language of skill names: en or zh-CN',
  'plan.jobs': 'plan toward what your target jobs ask, and show how the finish date moves',
  // projects
  project: 'portfolio projects: add, tick the rubric, link, list',
  'project.add': 'start a portfolio project from a template',
  'project.template': 'project template id',
  'project.id': 'your own id for it (default: the template id)',
  'project.title': 'your own title (default: the template title)',
  'project.check': 'tick a rubric item of a project (with --undo, untick it)',
  'project.project': 'project id',
  'project.item': 'rubric item id',
  'project.undo': 'untick it',
  'project.link': 'set a link of a project: repository, demo or writeup (with --clear, remove it)',
  'project.kind': 'one of {kinds}',
  'project.url': 'http(s) address',
  'project.clear': 'remove the link',
  'project.list': 'list your projects with their rubric and links',
  'project.remove': 'remove a project (`mlpath undo` brings it back)',
  // export and import
  export: 'export your plan (ics: calendar), progress (md: checklist) or everything (json: backup)',
  'export.format': 'ics, md or json',
  'export.output': 'write to this file (default: standard output)',
  import: 'restore a JSON backup (into an empty store; with --merge, add it to what is there)',
  'import.file': 'a file written by `mlpath export --format json`',
  'import.merge': 'add to existing progress, skipping events already present',
  'import.json': 'print the result as JSON',
  // calendar
  calendar: 'your calendar subscription (the plan as a feed Google, Apple and Outlook follow)',
  'calendar.url': 'print the address of your calendar feed, served by `mlpath serve`',
  'calendar.rotate': 'replace the address with a new one; the old one stops working',
  'calendar.base': 'the address mlpath serve is reached at (default: http://localhost:{port})',
  'calendar.json': 'print the result as JSON',
  cohort: 'cohorts on the server you signed in to (`mlpath login URL`): create, join, share, status',
  'cohort.list': 'list your cohorts',
  'cohort.create': 'create a cohort with a target date; you own it and get its invite code',
  'cohort.kind': 'study-group, bootcamp or team (default: study-group)',
  'cohort.date': "the cohort's target date, YYYY-MM-DD",
  'cohort.join': 'join a cohort with its invite code or link; you share nothing until you choose',
  'cohort.status': "each sharing member's progress, hours a week and forecast against the cohort's date; who is behind",
  'cohort.share': 'choose what the others see of you: none, progress, pace or progress,pace (never notes)',
  'cohort.leave': 'leave a cohort (an owner hands it to a mentor, else a member)',
  'cohort.remove': 'remove a member (owner only)',
  'cohort.role': 'make a member a mentor, or a mentor a member (owner only)',
  'cohort.invite': 'print the invite code and link (owner and mentors)',
  'cohort.renew': 'replace the invite code; the old one stops working',
  'cohort.cohort': 'the cohort (its id or name; needed when you are in several)',
  'cohort.json': 'print JSON',
  // doctor and restore
  doctor: 'check the embedded database in full (integrity, foreign keys, schema, free space, backups)',
  'doctor.json': 'print the report as JSON',
  restore: 'list the rolling backups, or put one back in place of the database (the current file is kept aside)',
  'restore.backup': 'the backup: its name or day from the list, or a path to a backup file',
  // serve
  serve: 'serve the web app and the HTTP API on localhost (default port {port}, or PORT)',
  'serve.port': 'port to listen on (default: PORT or {port}; 0 picks a free one)',
  'serve.host': 'address to listen on (default: {host}; without --multi-user only a loopback address)',
  'serve.curriculum': 'curriculum folder (default: the shipped ML-engineer curriculum)',
  'serve.multiUser': 'server mode: accounts on PostgreSQL (needs DATABASE_URL and MLPATH_AUTH_SECRET)',
  'serve.publicUrl':
    'the address people open, e.g. https://mlpath.example.org (default: MLPATH_PUBLIC_URL or http://HOST:PORT)',
  'serve.trustProxy': 'read the client address from X-Forwarded-For (only behind your own reverse proxy)',
  'serve.noSignUp': 'no sign-up page: accounts only from `mlpath admin user add`',
  // admin
  admin: 'administer the multi-user server (on DATABASE_URL)',
  'admin.user': 'accounts: add, list, disable, enable, reset-password',
  'admin.add': 'add an account; prints a generated password unless --password-stdin',
  'admin.email': "the account's email",
  'admin.name': 'the name shown for the account',
  'admin.passwordStdin': 'read the password from standard input instead of generating one',
  'admin.list': 'list the accounts',
  'admin.json': 'print JSON',
  'admin.disable': 'disable an account and end its sessions',
  'admin.enable': 'enable a disabled account',
  'admin.reset': 'set a new password (generated unless --password-stdin), end every session, clear the sign-in lock',
  // login, logout, sync
  login: 'sign in to an mlpath server (multi-user mode) to sync with it; asks the email and password',
  'login.url': "the server's address, e.g. https://mlpath.example.org",
  'login.email': 'the email (for scripts: the password then comes from MLPATH_PASSWORD or standard input)',
  logout: 'sign out of the server and forget the session kept on this machine',
  sync: "send this machine's progress to the server and fetch the account's (the union; the later profile wins)",
  'sync.json': 'print what was sent and received as JSON',
  // commander's own words
  'title.Usage:': 'Usage:',
  'title.Options:': 'Options:',
  'title.Commands:': 'Commands:',
  'title.Arguments:': 'Arguments:',
  'title.Global Options:': 'Global Options:',
  'error.unknownOption': "error: unknown option '{flag}'",
  'error.unknownCommand': "error: unknown command '{name}'",
  'error.missingArgument': "error: missing required argument '{name}'",
  'error.optionArgumentMissing': "error: option '{flags}' argument missing",
  'error.requiredOption': "error: required option '{flags}' not specified",
  'error.tooManyArguments': "error: too many arguments for '{command}'. Expected {expected} argument(s) but got {got}.",
  'error.tooManyArgumentsTop': 'error: too many arguments. Expected {expected} argument(s) but got {got}.',
  'error.didYouMean': '(Did you mean {choices}?)',
  'error.didYouMeanOneOf': '(Did you mean one of {choices}?)',
  // Target date
  'flag.targetDate':
    'the date you want to finish by, YYYY-MM-DD (none clears it): mlpath says the hours a week it needs',
  target: 'set the date you want to finish by (or none to clear it) and see the hours a week it needs',
  'target.date': 'YYYY-MM-DD, or none to clear the target date',
  'target.json': 'print the target date and what it needs as JSON',
} as const;

export type HelpKey = keyof typeof EN;

const ZH: Record<HelpKey, string> = {
  'program.description': '你的机器学习工程师之路：有日期、有理由、可跟踪的学习计划。',
  'program.version': '显示版本号',
  'program.help': '显示命令的帮助',
  'program.helpCommand': '显示命令的帮助',
  'curriculum.description': '检查、查看和导入课程体系',
  'curriculum.check': '校验课程文件夹（默认：随附的机器学习工程师课程）',
  'curriculum.show': '输出规范化后的课程体系',
  'curriculum.dir': '课程文件夹',
  'curriculum.checkJson': '以 JSON 输出结果',
  'curriculum.showJson': '输出 JSON（目前唯一的格式）',
  'curriculum.import': '把 roadmap.sh 路线图、OSSU 课程或 Metacademy 内容转换为课程文件夹',
  'curriculum.importFrom': '来源格式：roadmap-sh、ossu 或 metacademy',
  'curriculum.importSource':
    'roadmap.sh：路线图文件夹；OSSU：README（或其所在文件夹）；Metacademy：metacademy-content 或 graph_data.json',
  'curriculum.importOutput': '要写入的课程文件夹（新建或为空）',
  'curriculum.importHours':
    '来源未给出时长时每个节点计入的小时数：每个 roadmap.sh 主题（默认 {roadmap}）、每门未列出数据的 OSSU 课程（默认 {ossu}）',
  'curriculum.importForce': '输出文件夹已有文件时将其替换',
  'curriculum.importJson': '在标准输出上以 JSON 输出摘要',
  plan: '制定从你的现状到课程目标的逐周计划，带日期和理由',
  'plan.curriculum': '课程文件夹（默认：随附的机器学习工程师课程）',
  'plan.json': '以 JSON 输出计划',
  'flag.startPoint': '从这个起点制定计划（from-scratch、career-changer、developer 等）',
  'flag.hours':
    '每周有效学习小时数：真正用于学习的时间，而不是坐在桌前的时间（大于 0，最多 100）；full-time = 28，即每周 40 小时中的有效部分，对应原文所说的全职学习',
  'flag.style': '学习风格：structured、university 或 practical',
  'flag.domain': '要深入的领域（nlp、computer-vision、time-series 等）',
  'flag.start': '开始学习的第一天，YYYY-MM-DD（默认：下周一）',
  'flag.known': '你已掌握的技能，用逗号分隔',
  'flag.freeOnly': '只用免费资源（可免费旁听的课程算作免费）',
  'flag.target': '一个角色（默认 ml-engineer）或任意技能 id',
  'flag.marketReady': '按该角色招聘要求的全部技能制定计划（超出原文的计划），并显示需要多花多少时间',
  'flag.route': '替换推荐的路线',
  'flag.region': '你在哪里学习：cn（中国大陆）优先选用在那里能访问的资源，并说明替换了哪些；none 表示清除',
  'flag.weeksOff': '不学习的周：START..END[,START..END...]',
  'flag.factor': '你自己对课程提供方时长的学习系数（0.8-2.0）',
  'flag.pin': '无论如何都要选用的资源，用逗号分隔',
  'flag.exclude': '永不选用的资源，用逗号分隔',
  'flag.swap': '用一个资源替换另一个：FROM=TO[,FROM=TO...]',
  'flag.studyDays': '学习日，例如 mon,wed,sat（none 表示不设学习日）；日历随后显示定时的学习时段',
  'flag.studyTime': '学习时段的开始时间，HH:MM（默认 19:00）；每次时长为每周小时数 ÷ 学习日数',
  'flag.timeZone': '你的时区，例如 Asia/Shanghai（默认：本机时区）',
  'flag.reminder': '每个学习时段开始前多少分钟在日历中提醒',
  'flag.locale': '输出语言：en 或 zh-CN',
  init: '建立你的学习档案（回答问题，或用 --yes 加参数），并查看你的路线和最初几周',
  'init.yes': '不提问：按参数（和默认值）直接设置',
  'init.force': '替换已有的学习档案（进度保留）',
  'init.json': '以 JSON 输出保存的档案和计划摘要',
  done: '把技能、资源或单元标记为已完成',
  learning: '把技能、资源或单元标记为正在学习',
  skip: '跳过技能、资源或单元',
  reset: '清除技能、资源或单元的状态',
  'track.id': '技能 id、资源 id 或 资源/单元（旧的技能 id 也可用）',
  'track.note': '随之保存的备注',
  'track.noLog': '只勾选，不记录计划给这项任务的小时数',
  'track.json': '以 JSON 输出记录的事件',
  undo: '撤销最近一步进度（重复执行可继续往前撤销）',
  'undo.json': '以 JSON 输出记录的撤销事件',
  review: '按间隔重复复习已完成技能的自测题，帮助记牢（按键：空格显示答案，1-4 评分，q 结束）',
  'review.card': '不进入终端复习、直接评分的卡片：技能/题目（见 --json）',
  'review.rating': '回忆得如何：again（忘了）、hard（困难）、good（良好）或 easy（轻松）',
  'review.json': '以 JSON 列出到期的卡片，以及每个已完成技能的记忆情况',
  'review.limit': '最多复习多少张卡片',
  'review.anki': '把卡片写入 Anki 可导入的制表符分隔文件',
  note: '在进度日志中记一条备注',
  'note.text': '备注内容',
  'note.on': '备注关于什么：技能、资源或 资源/单元',
  log: '记录学习时间：HOURS 写作 1.5、90m 或 1h30m',
  'log.hours': '所用时间：1.5、90m、1h30m 或 1:30',
  'log.on': '时间花在什么上：技能、资源或 资源/单元',
  'log.date': '日期（YYYY-MM-DD；默认今天）',
  today: '现在该学什么（依据重新规划后的计划）',
  week: '本周学习安排（依据重新规划后的计划）',
  status: '各阶段进度、学习时长、连续天数、就绪程度和预计完成日期',
  burnup: '按周的燃起图：已完成内容的计划学时、已记录学时、计划与预测',
  'view.json': '输出 JSON',
  // target jobs
  job: '目标职位：对照你的进度阅读职位描述、保存、列出、删除',
  'job.analyze': '找出职位描述中的技能、岗位、级别，以及你的准备度和差距',
  'job.add': '把职位描述保存为目标职位（见 `mlpath plan --jobs`）',
  'job.list': '列出你的目标职位及各自的准备度',
  'job.remove': '删除一个目标职位',
  'job.file': '包含职位描述的文本、Markdown 或 HTML 文件，或用 - 表示标准输入',
  'job.id': '`mlpath job list` 显示的编号',
  'job.locale': '技能名称的语言：en 或 zh-CN',
  'plan.jobs': '面向目标职位的要求制定计划，并显示完成日期如何变化',
  project: '作品集项目：添加、勾选评分项、设置链接、列出',
  'project.add': '从模板开始一个作品集项目',
  'project.template': '项目模板 id',
  'project.id': '你给它的 id（默认：模板 id）',
  'project.title': '你给它的标题（默认：模板标题）',
  'project.check': '勾选项目的一个评分项（加 --undo 取消勾选）',
  'project.project': '项目 id',
  'project.item': '评分项 id',
  'project.undo': '取消勾选',
  'project.link': '设置项目的链接：repository、demo 或 writeup（加 --clear 删除）',
  'project.kind': '取值之一：{kinds}',
  'project.url': 'http(s) 地址',
  'project.clear': '删除该链接',
  'project.list': '列出你的项目及其评分项和链接',
  'project.remove': '删除一个项目（`mlpath undo` 可以恢复）',
  export: '导出计划（ics：日历）、进度（md：清单）或全部数据（json：备份）',
  'export.format': 'ics、md 或 json',
  'export.output': '写入这个文件（默认：标准输出）',
  import: '恢复 JSON 备份（导入空的存储；加 --merge 则并入已有数据）',
  'import.file': '由 `mlpath export --format json` 写出的文件',
  'import.merge': '并入已有进度，跳过已存在的事件',
  'import.json': '以 JSON 输出结果',
  calendar: '日历订阅（计划作为订阅源，Google、Apple 和 Outlook 日历会自动跟随）',
  'calendar.url': '显示日历订阅地址（由 `mlpath serve` 提供）',
  'calendar.rotate': '换一个新地址；旧地址立即失效',
  'calendar.base': '访问 mlpath serve 的地址（默认：http://localhost:{port}）',
  'calendar.json': '以 JSON 输出结果',
  cohort: '你登录的服务器（`mlpath login 地址`）上的学习群组：创建、加入、分享、状态',
  'cohort.list': '列出你的学习群组',
  'cohort.create': '创建一个带目标日期的学习群组；你是创建者并获得邀请码',
  'cohort.kind': 'study-group（学习小组）、bootcamp（训练营）或 team（团队），默认 study-group',
  'cohort.date': '学习群组的目标日期，YYYY-MM-DD',
  'cohort.join': '用邀请码或邀请链接加入学习群组；在你选择之前不分享任何内容',
  'cohort.status': '每位分享成员的进度、每周学习小时和相对目标日期的预测；谁落后了',
  'cohort.share': '选择其他成员能看到什么：none、progress、pace 或 progress,pace（笔记永不分享）',
  'cohort.leave': '退出学习群组（创建者退出时交给导师，否则交给成员）',
  'cohort.remove': '移除成员（仅创建者）',
  'cohort.role': '把成员设为导师，或把导师改回成员（仅创建者）',
  'cohort.invite': '显示邀请码和邀请链接（创建者和导师）',
  'cohort.renew': '更换邀请码；旧邀请码立即失效',
  'cohort.cohort': '学习群组（id 或名称；在多个群组中时需要）',
  'cohort.json': '输出 JSON',
  // doctor and restore
  doctor: '全面检查内置数据库（完整性、外键、数据库结构、可用空间、备份）',
  'doctor.json': '以 JSON 输出报告',
  restore: '列出滚动备份，或用其中一个替换数据库（当前文件会另外保存）',
  'restore.backup': '备份：列表中的名称或日期，或某个备份文件的路径',
  serve: '在本机提供网页应用和 HTTP API（默认端口 {port}，或 PORT）',
  'serve.port': '监听端口（默认：PORT 或 {port}；0 表示任选空闲端口）',
  'serve.host': '监听地址（默认：{host}；不使用 --multi-user 时只能是本机回环地址）',
  'serve.curriculum': '课程文件夹（默认：随附的机器学习工程师课程）',
  'serve.multiUser': '服务器模式：PostgreSQL 上的账户（需要 DATABASE_URL 和 MLPATH_AUTH_SECRET）',
  'serve.publicUrl': '用户打开的地址，例如 https://mlpath.example.org（默认：MLPATH_PUBLIC_URL 或 http://主机:端口）',
  'serve.trustProxy': '从 X-Forwarded-For 读取客户端地址（仅在你自己的反向代理之后使用）',
  'serve.noSignUp': '不开放注册：账户只能由 `mlpath admin user add` 创建',
  admin: '管理多用户服务器（DATABASE_URL 指向的数据库）',
  'admin.user': '账户：添加、列出、停用、启用、重设密码',
  'admin.add': '添加账户；除非使用 --password-stdin，否则打印生成的密码',
  'admin.email': '账户的邮箱',
  'admin.name': '账户显示的名字',
  'admin.passwordStdin': '从标准输入读取密码，而不是生成一个',
  'admin.list': '列出账户',
  'admin.json': '输出 JSON',
  'admin.disable': '停用账户并结束其所有会话',
  'admin.enable': '重新启用已停用的账户',
  'admin.reset': '设置新密码（除非使用 --password-stdin，否则自动生成），结束所有会话，解除登录锁定',
  login: '登录 mlpath 服务器（多用户模式）以便同步；会询问邮箱和密码',
  'login.url': '服务器地址，例如 https://mlpath.example.org',
  'login.email': '邮箱（用于脚本：密码则来自 MLPATH_PASSWORD 或标准输入）',
  logout: '退出服务器并删除保存在本机的会话',
  sync: '把本机的进度发送到服务器，并取回账户的进度（取并集；较晚保存的档案优先）',
  'sync.json': '以 JSON 输出发送和收到的内容',
  'title.Usage:': '用法：',
  'title.Options:': '选项：',
  'title.Commands:': '命令：',
  'title.Arguments:': '参数：',
  'title.Global Options:': '全局选项：',
  'error.unknownOption': "错误：未知选项 '{flag}'",
  'error.unknownCommand': "错误：未知命令 '{name}'",
  'error.missingArgument': "错误：缺少必需的参数 '{name}'",
  'error.optionArgumentMissing': "错误：选项 '{flags}' 缺少取值",
  'error.requiredOption': "错误：未指定必需的选项 '{flags}'",
  'error.tooManyArguments': "错误：'{command}' 的参数过多。应为 {expected} 个，实际为 {got} 个。",
  'error.tooManyArgumentsTop': '错误：参数过多。应为 {expected} 个，实际为 {got} 个。',
  'error.didYouMean': '（你是不是想输入 {choices}？）',
  'error.didYouMeanOneOf': '（你是不是想输入以下之一：{choices}？）',
  // Target date
  'flag.targetDate': '你想完成学习的日期，YYYY-MM-DD（none 表示清除）：mlpath 会告诉你每周需要多少小时',
  target: '设置你想完成学习的日期（或用 none 清除），并查看每周需要多少小时',
  'target.date': 'YYYY-MM-DD，或用 none 清除目标日期',
  'target.json': '以 JSON 输出目标日期及其所需',
};

export const HELP_TABLES: Readonly<Record<'en' | 'zh-CN', Readonly<Record<HelpKey, string>>>> = {
  en: EN,
  'zh-CN': ZH,
};

/** Every help key (for completeness checks). */
export const HELP_KEYS = Object.keys(EN) as HelpKey[];

/** One help text in a locale (English for any other). */
export function hmsg(locale: Locale, key: HelpKey, values: Readonly<Record<string, string | number>> = {}): string {
  return fill((locale === 'zh-CN' ? ZH : EN)[key], values);
}

/** The help texts of the language the environment asks for (MLPATH_LANG, then the system's). */
export function helpFor(
  env: Readonly<Record<string, string | undefined>>,
): (key: HelpKey, values?: Readonly<Record<string, string | number>>) => string {
  const locale = chooseLocale({ env });
  return (key, values = {}) => hmsg(locale, key, values);
}

/** Commander's heading ("Usage:", "Options:", ...) in a locale; an unknown heading stays as it is. */
export function helpTitle(locale: Locale, title: string): string {
  const key = `title.${title}`;
  return key in EN ? hmsg(locale, key as HelpKey) : title;
}

/**
 * Commander's parse errors in a locale. Commander writes them in English with fixed wording; each
 * known form is matched and rewritten, anything else is left as it is.
 */
export function commanderError(locale: Locale, text: string): string {
  if (locale !== 'zh-CN') return text;
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^error: unknown option '([^']*)'/, (m) => hmsg(locale, 'error.unknownOption', { flag: m[1] ?? '' })],
    [/^error: unknown command '([^']*)'/, (m) => hmsg(locale, 'error.unknownCommand', { name: m[1] ?? '' })],
    [/^error: missing required argument '([^']*)'/, (m) => hmsg(locale, 'error.missingArgument', { name: m[1] ?? '' })],
    [
      /^error: option '([^']*)' argument missing/,
      (m) => hmsg(locale, 'error.optionArgumentMissing', { flags: m[1] ?? '' }),
    ],
    [
      /^error: required option '([^']*)' not specified/,
      (m) => hmsg(locale, 'error.requiredOption', { flags: m[1] ?? '' }),
    ],
    [
      /^error: too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./,
      (m) => hmsg(locale, 'error.tooManyArguments', { command: m[1] ?? '', expected: m[2] ?? '', got: m[3] ?? '' }),
    ],
    [
      /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./,
      (m) => hmsg(locale, 'error.tooManyArgumentsTop', { expected: m[1] ?? '', got: m[2] ?? '' }),
    ],
    [/\(Did you mean one of ([^)]*)\?\)/, (m) => hmsg(locale, 'error.didYouMeanOneOf', { choices: m[1] ?? '' })],
    [/\(Did you mean ([^)]*)\?\)/, (m) => hmsg(locale, 'error.didYouMean', { choices: m[1] ?? '' })],
  ];
  let out = text;
  for (const [pattern, replace] of rules) {
    const match = pattern.exec(out);
    if (match) out = out.slice(0, match.index) + replace(match) + out.slice(match.index + match[0].length);
  }
  return out;
}
