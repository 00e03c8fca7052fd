/**
 * @module edge-messages
 * Messages that reach the terminal from the layers below the CLI (store, backup import, the
 * curriculum importers, content writing, curriculum validation) in English and Simplified Chinese. Those layers keep
 * their messages as data in one language; the CLI translates them at its edge: each English
 * template below, with `{name}` placeholders, is matched against a whole message, and the
 * Chinese template is filled with the same values (themselves translated when one of them is a
 * known message). A message no template matches is shown as it is. Places (file:line:col),
 * ids, paths and the text of underlying system errors stay as they are.
 */
import { MlpathError } from '../core/errors.js';
import type { Locale } from '../core/model.js';

const EN = {
  // exit-codes: what any failure says
  unexpected: 'unexpected error: {message}',
  debugHint: 'Set MLPATH_DEBUG=1 for details, and please report it.',
  warning: 'warning: {text}',
  // store
  'store.noProject': 'there is no project "{id}"',
  'store.noPosting': 'there is no kept posting "{id}"',
  'store.postingKept': 'the posting "{id}" is already kept',
  'jobs.noneKept': 'no target jobs kept yet',
  'hint.jobAdd': 'keep a posting with `mlpath job add FILE`',
  'store.notEmpty': 'this store already holds progress ({events} events, {projects} projects); nothing was imported',
  'store.failed': 'the database at {location} failed: {message}',
  'store.unavailable': 'the database at {location} is unavailable: {message}',
  'store.otherApp':
    '{file} is not an mlpath database (it belongs to another application, id {id}); it was left untouched',
  'store.otherTables':
    '{file} is not an mlpath database (it holds tables of another application: {tables}); it was left untouched',
  'store.notOurs': '{location} is not an mlpath database ({why}); it was left untouched',
  'store.newer':
    '{location} was written by a newer mlpath (schema version {newest}; this one knows up to {known}); it was left untouched',
  'store.schemaName': '"{schema}" is not a plain schema name',
  'store.connect': 'cannot connect to PostgreSQL at {location}: {message}',
  'store.mkdir': 'cannot create the data folder {dir}: {message}',
  'store.open': 'cannot open {file}: {message}',
  'store.write': 'cannot write {file}: {message}',
  // the embedded store under faults (store/faults.ts, sqlite.ts, sqlite-backups.ts)
  'fault.full': 'the disk holding {location} is full; nothing was written (reading and export still work)',
  'fault.readOnly': '{location} is read-only; nothing was written (reading and export still work)',
  'fault.damaged': '{location} is damaged ({detail}); nothing was written to it',
  'fault.io': 'the disk failed while writing {location} ({detail}); nothing was written',
  'fault.empty': '{file} is empty (0 bytes): it was not taken for a new store and was left untouched',
  'fault.createReadOnly': 'cannot create the database {file}: its folder is read-only',
  'fault.createFull': 'cannot create the database {file}: the disk is full',
  'fault.create': 'cannot create the database {file}: {message}',
  'fault.read': 'cannot read {file}: {message}',
  'fault.needsUpgrade':
    '{file} needs an upgrade to schema version {version}, and it cannot be written; it was left untouched',
  'backup.none': 'there is no backup "{which}"',
  'backup.unusable': 'the backup {path} cannot be restored ({why}); nothing was changed',
  'backup.integrity': 'integrity check: {report}',
  'backup.notOurs': 'it is not an mlpath database',
  'backup.newerSchema': 'it was written by a newer mlpath (schema version {version}; this one knows up to {known})',
  'backup.cannotRestore': 'cannot restore {name} into {file}: {message}',
  'hint.freeSpace': 'free some disk space, then try again',
  'hint.makeWritable': 'make the file and its folder writable, or set MLPATH_HOME to a folder you can write to',
  'hint.restore': 'run `mlpath doctor` for details, and `mlpath restore` to go back to a backup',
  'hint.checkDisk': 'check the disk, then run `mlpath doctor`',
  'hint.emptyFile': 'run `mlpath restore` to go back to a backup, or delete the empty file to start a new store',
  'hint.readable': 'make the file and its folder readable',
  'hint.upgradeOnce': 'make the file and its folder writable (and free some disk space) once, so mlpath can upgrade it',
  'hint.listBackups': 'run `mlpath restore` without an argument to list the backups',
  'hint.otherBackup': 'run `mlpath restore` without an argument to list the backups, and choose another',
  'hint.restoreWritable': 'make the data folder writable and free some disk space, then try again',
  'hint.projectList': 'see `mlpath project list`',
  'hint.jobList': 'see `mlpath job list`',
  'hint.merge':
    'add --merge to add the backup to it (events already present are skipped), or import into a fresh MLPATH_HOME',
  'hint.ownDatabase': 'point MLPATH_HOME (or DATABASE_URL) at a folder (or database) of its own',
  'hint.upgrade': 'upgrade mlpath to open it',
  'hint.database': 'check DATABASE_URL and that the server is running',
  'hint.writable': 'set MLPATH_HOME to a folder you can write to',
  'hint.ownFolder': 'point MLPATH_HOME at a folder of its own',
  'hint.ownFolderApp': 'point MLPATH_HOME at a folder of its own (mlpath\'s files carry the application "{id}")',
  'hint.outputPath': 'check the -o path',
  // accounts of the multi-user server (server/auth.ts)
  'auth.secretShort': 'MLPATH_AUTH_SECRET is too short ({length} characters; at least {min})',
  'auth.secretHint': 'generate one with `openssl rand -base64 48`',
  'auth.notUrl': 'the public URL "{url}" is not a URL',
  'auth.urlHint': 'write it like https://mlpath.example.org',
  'auth.notHttp': 'the public URL "{url}" is not http or https',
  'auth.passwordLength': 'a password needs {min} to {max} characters (this one has {length})',
  'auth.noUser': 'no user has the email {email}',
  'auth.listHint': 'see them with `mlpath admin user list`',
  'auth.notEmail': '"{email}" is not an email address',
  'auth.needsName': 'a user needs a name',
  'auth.taken': 'a user with the email {email} already exists',
  // backup import
  'backup.notJson': '{file}: is not valid JSON ({why}); nothing was imported',
  'backup.notBackup': '{file}: is not an mlpath backup (no "format": "{format}"); nothing was imported',
  'backup.newer':
    '{file}: was written by a newer mlpath (backup version {version}; this one reads up to {known}); nothing was imported',
  'backup.invalidOne': '{file}: is not a valid mlpath backup ({count} problem); nothing was imported',
  'backup.invalidMany': '{file}: is not a valid mlpath backup ({count} problems); nothing was imported',
  'backup.needsHours': '{path}: an hours event needs "hours"',
  'backup.needsUndoes': '{path}: an undo event needs "undoes"',
  'backup.needsItem': '{path}: a {type} event needs "item"',
  'backup.needsRating': '{path}: a reviewed event needs "text" to be its rating: again, hard, good, easy',
  'backup.eventTwice': '{path}: event id "{id}" appears twice',
  'backup.projectTwice': '{path}: project id "{id}" appears twice',
  'backup.postingTwice': '{path}: posting id "{id}" appears twice',
  'backup.invalidType': '{path}: Invalid input: expected {type}, received {got}',
  'backup.invalidOption': '{path}: Invalid option: expected one of {values}',
  'backup.invalidValue': '{path}: Invalid input: expected {value}',
  'backup.unknownKeys': '{path}: Unrecognized keys: {keys}',
  'backup.unknownKey': '{path}: Unrecognized key: {keys}',
  'backup.tooSmall': '{path}: Too small: expected {kind} to be {bound}',
  'backup.tooBig': '{path}: Too big: expected {kind} to be {bound}',
  'backup.invalidInput': '{path}: Invalid input',
  'backup.instant': '{path}: expected an ISO instant such as "2026-11-27T10:00:00.000Z"',
  'backup.day': '{path}: expected a calendar date such as "2026-11-27"',
  'backup.url': '{path}: expected an http(s) URL',
  'hint.backupFile': 'give the file `mlpath export --format json` wrote',
  'hint.backupUpgrade': 'upgrade mlpath, then import again',
  // curriculum importers: errors
  'import.cannot': 'cannot import {file}: {message}',
  'import.malformedJson': 'malformed JSON: expected {expected}, found {found}',
  'import.noRoadmapFolder': 'no such folder; pass the roadmap folder holding <slug>.json and content/',
  'import.noOssuFile': 'no such file; pass an OSSU README.md or the folder holding it',
  'import.noMetacademy':
    'no such folder; pass the metacademy-content folder (holding concepts/) or the graph_data.json dump',
  'import.noContent': "missing content folder; a roadmap keeps its topics' text in content/*.md beside its JSON",
  'import.noGraph': 'no roadmap graph: expected <slug>.json beside the content/ folder',
  'import.severalJson': 'several JSON files ({files}); expected <slug>.json named after the folder',
  'import.notRoadmap':
    'not a roadmap.sh graph: expected an object with a "nodes" list (the roadmap editor\'s format) or a "mockup" with controls (the older Balsamiq format)',
  'import.noNodes': 'the roadmap has no topic, subtopic or checklist nodes',
  'import.noNodesHint':
    'roadmap.sh keeps some roadmaps outside its repository; only a graph with topics can be imported',
  'import.badResourceLink': 'malformed resource link: {text}',
  'import.noCourses': 'found no course tables and no course links; is this an OSSU curriculum README?',
  'import.noCoursesColumn': 'a table without a "Courses" column (header: {header})',
  'import.rowCells': 'a table row with {cells} cells under a header of {header}',
  'import.badCourseLink': 'malformed link in the Courses cell: {text}',
  'import.emptyCourse': 'a table row with an empty Courses cell',
  'import.noConcepts': 'missing concepts folder; is this a metacademy-content checkout?',
  'import.fieldValue': 'expected "field: value", got {text}',
  'import.unknownField': 'unknown field "{field}" (expected one of {fields})',
  'import.tagHours': 'expected "<tag> <hours>", got {text}',
  'import.noTag': 'a dependency record without `tag:`',
  'import.notDump': 'expected a list of {model, pk, fields} records (a Django dumpdata file)',
  'import.badRecord': 'record {index} is not a {model, pk, fields} record',
  'import.outputFull': 'the output folder {dir} already holds files',
  'import.outputNotCurriculum':
    'the output folder {dir} holds more than an mlpath curriculum ({entries}); --force replaces only a folder holding a curriculum and nothing else',
  'import.outputCreate': 'cannot create the output folder {dir}: {message}',
  'import.doesNotPass': 'the converted curriculum does not pass the curriculum check; nothing was written',
  'hint.fixJson': 'fix the JSON at that place (a missing or extra comma, bracket or quote is the usual cause)',
  'hint.recordLine': 'each line of a record is `field: value`; a blank line ends the record',
  'hint.ossuHeader': 'OSSU tables start with a header such as `Courses | Duration | Effort | Prerequisites`',
  'hint.ossuPipe': 'a `|` inside a cell must be escaped as `\\|`; otherwise add the missing header cell',
  'hint.ossuLink': 'write a course as [Title](url)',
  'hint.ossuTables':
    'OSSU READMEs list courses in tables (`Courses | Duration | Effort | ...`) under a `Curriculum` heading',
  'hint.roadmapLink': 'write each resource as `- [@type@Title](https://...)`',
  'hint.roadmapFolder':
    'pass the roadmap folder itself (src/data/roadmaps/<slug>/), which holds <slug>.json and content/',
  'hint.emptyFolder': 'choose a new or empty folder, or pass --force to replace it',
  'hint.newFolder': 'choose a new or empty folder',
  'hint.parentFolder': 'check that its parent folder exists and is writable',
  // curriculum validation (content/): messages for curriculum authors
  'content.unknownRefHint': 'unknown {noun} "{id}" as {what}; did you mean {choices}?',
  'content.unknownRefAlias': 'unknown {noun} "{id}" as {what} ("{old}" is an old id of "{alias}": use that)',
  'content.unknownRef': 'unknown {noun} "{id}" as {what}',
  'content.cycle': 'prerequisite cycle: {cycle} (each requires the next); remove one of these requirements',
  'content.noMeta': 'no file declares `curriculum:` (id, version, locales, title); add one, e.g. curriculum.yaml',
  'content.secondMeta': 'a second `curriculum:` block; a curriculum declares its metadata once',
  'content.missingLocale': 'missing text for locale {locales} (declared in curriculum.locales)',
  'content.missingLocales': 'missing text for locales {locales} (declared in curriculum.locales)',
  'content.undeclaredLocale': 'text for undeclared locale {locales}; declare it in curriculum.locales or remove it',
  'content.duplicateId': 'duplicate {noun} id "{id}" (first defined at {place})',
  'content.duplicateRubric': 'duplicate rubric item id "{id}"',
  'content.duplicateGroup': 'duplicate choose-one group id "{id}" in stage "{stage}"',
  'content.duplicateUnit': 'duplicate unit id "{id}"',
  'content.aliasClaimed': 'alias "{alias}" is already claimed by skill "{owner}"',
  'content.aliasIsId':
    'skill id "{id}" is also listed as an alias of "{owner}"; an alias names an old id that no longer exists',
  'content.blockNeeds': 'a block needs `weeks` or `hours`',
  'content.effortNeeds': 'effort needs `hours`, or `weeks` and `hoursPerWeek`',
  'content.noSource':
    'effort has no `source`: cite where the figure comes from, or mark it `estimate: true` with `reasoning`',
  'content.noReasoning': 'an estimated effort needs `reasoning`: say how the hours were estimated',
  'content.badUrl': 'malformed URL "{url}"; expected an absolute URL such as "https://example.org/page"',
  'content.unitsOver': "units add up to {given} h, more than the resource's effort of {total} h",
  'content.unitBoth': 'a unit takes `hours` or `share`, not both',
  'content.noHours':
    'skill "{id}" has no hours and no resource teaches it; the planner cannot estimate it (add hours or a resource)',
  'content.noFolder': 'no such curriculum folder; pass a folder of curriculum YAML files',
  'content.noYaml': 'the folder holds no .yaml files; a curriculum is a folder of YAML files',
  'content.problemsOne': 'the curriculum in {dir} has {count} problem',
  'content.problemsMany': 'the curriculum in {dir} has {count} problems',
  'content.fixHint': 'fix each place listed, then run `mlpath curriculum check` again',
  'content.unknownTopKey':
    'unknown key "{key}" (expected curriculum, skills, resources, stages, routes, startingPoints, roles, projects or domains)',
  'content.unknownKey': '{path}: unknown key "{key}"',
  'content.missingField': '{path}: missing required field (expected {type})',
  'content.expectedText':
    '{path}: expected text: a string, or a map of locale to text such as { en: "...", zh-CN: "..." }',
  'content.expectedOneOf': '{path}: expected one of {values}',
  'content.expectedGot': '{path}: expected {type}, got {got}',
  'content.invalidYaml': 'invalid YAML: {text}',
  'content.kebabId': '{path}: expected a kebab-case id such as "linear-algebra"',
  'content.localeTag': '{path}: expected a locale tag such as "en" or "zh-CN"',
  'content.emptyText': '{path}: expected non-empty text',
  'content.httpUrl': '{path}: expected an absolute http(s) URL such as "https://example.org/course"',
  'content.twoOptions': '{path}: expected at least two options to choose from',
  'noun.skill': 'skill',
  'noun.resource': 'resource',
  'noun.stage': 'stage',
  'noun.route': 'route',
  'noun.startingPoint': 'starting point',
  'noun.role': 'role',
  'noun.project': 'project',
  'noun.domain': 'domain',
  'noun.prerequisite': 'prerequisite',
  'noun.taughtSkill': 'taught skill',
  'noun.optionResource': 'option resource',
  'noun.alongside': 'stage to run alongside',
  'noun.stageSkill': 'stage skill',
  'noun.stageResource': 'stage resource',
  'noun.routeStage': 'route stage',
  'noun.milestone': 'milestone',
  'noun.knownSkill': 'known skill',
  'noun.weightedSkill': 'weighted skill',
  'noun.projectSkill': 'project skill',
  'noun.projectResource': 'project resource',
  'noun.domainSkill': 'domain skill',
  'noun.domainResource': 'domain resource',
  // curriculum importers: what was dropped and why, and warnings
  'drop.noId': 'a node without an id',
  'drop.noLabel': 'it has no label',
  'drop.nodes': '{count} {type} node(s)',
  'drop.layout': 'layout, not a topic or subtopic',
  'drop.edge': 'edge {id}',
  'drop.danglingEdge': 'it joins a node that does not exist',
  'drop.edges': '{count} edge(s)',
  'drop.edgeEnds': 'an edge without a source or target',
  'drop.subtopic': 'subtopic "{label}"',
  'drop.noTopic': 'the roadmap has no topic to place it under',
  'drop.link': 'link "{title}"',
  'drop.notUrl': 'not an absolute http(s) URL ({place})',
  'drop.example': "Metacademy's annotated example of the format, not a concept",
  'drop.noTitle': 'no title.txt (every Metacademy concept has one)',
  'drop.emptyTitle': 'title.txt is empty',
  'drop.tagTakenBy': 'its tag normalises to "{id}", already taken by {other}',
  'drop.tagTaken': 'its tag normalises to "{id}", already taken',
  'drop.requiresItself': '{owner} requires itself',
  'drop.ownPrerequisite': 'a concept cannot be its own prerequisite ({place})',
  'drop.requiresWhy': '{owner} requires {tag}: {why}',
  'drop.requires': '{owner} requires {tag}',
  'drop.noConceptAt': 'no concept "{tag}" exists ({place})',
  'drop.noConcept': 'no concept "{tag}" exists',
  'drop.noShortcutOf': 'no concept "{tag}" to be a shortcut of',
  'drop.courseLists': 'course {name} lists {tag}',
  'drop.cycle': 'it closes a prerequisite cycle: {cycle}',
  'drop.resourceOf': 'resource "{key}" of {tag}',
  'drop.noRecord': 'no record with key "{key}" in resources.txt',
  'drop.conceptTag': 'concept {pk} ({tag})',
  'drop.concept': 'concept {pk}',
  'drop.noTagTitle': 'no tag or no title',
  'drop.shortcutNode': 'a shortcut node; the dump does not say which concept it shortens',
  'drop.notInDump': 'no such concept in the dump',
  'drop.prerequisite': 'prerequisite "{part}" of {title}',
  'drop.noMatch': 'matches no course or subject listed before it ({place})',
  'drop.subject': 'subject "{title}"',
  'drop.noCourses': 'it lists no courses ({place})',
  'drop.noAddress': 'a link node without an address',
  'drop.noServes': 'no topic or checklist item to attach it to',
  'drop.extLinks': '{count} ext_link group(s)',
  'drop.outOfRoadmap': 'links out of the roadmap',
  'drop.group': 'group {name}',
  'drop.noTopicNamed': 'no topic is named "{name}"',
  'warn.placed':
    '{count} subtopic(s) are joined to no topic by an edge, a stack, a section or a line and were placed under the nearest topic on the canvas: {labels}',
  'warn.repeat':
    '{count} label(s) repeat; each keeps its own node id, and their readable aliases are numbered (e.g. "-2")',
  'warn.keyClash': '{count} node id(s) differ only in letter case or punctuation; they get numbered ids',
  'warn.otherTypes': 'links of type {types} ({count}) were imported as articles',
  'warn.skippedLine': '{place}: a resource line that cannot be read was skipped ({why}): {text}',
  'warn.noLink': 'no complete [title](url) link in it',
  'warn.noHead': 'the link text starts with "@" but has no "@type@" head',
  'warn.noLinkTitle': 'the link has a type but no title',
  'warn.balsamiq':
    '{file} is an older roadmap drawn in Balsamiq: topics and subtopics are read from its control names, in the order of their numbers',
  'warn.noContent': '{count} topic(s) have no content file in content/; imported without a summary or links',
  'warn.roadmapHours':
    'roadmap.sh states no times: every topic and subtopic counts {hours} h (change it with --default-hours)',
  'warn.noResources': 'no resources.txt: concepts are imported without resources',
  'warn.noTime': "{count} concept(s) have no time estimate; each counts {hours} h, as in Metacademy's own plans",
  'warn.goalScoped':
    "{count} dependencies are scoped to learning goals in the dump; they are imported as plain prerequisites (a plan may include a little more than Metacademy's goal-pruned list)",
  'warn.badUrl': '{place}: the link of "{title}" is not a usable URL; imported without it',
  'warn.noTables':
    "{file} has no course tables: {count} courses imported from their links, each with the default of {hours} h as an estimate (change it with --default-hours); OSSU's order between topics is in an image and is not imported",
  'warn.estimated':
    "{count} course(s) without a full Duration x Effort figure were estimated from the curriculum's medians: {list}",
  'warn.unmatched': '{count} free-text prerequisite(s) matched no course of the curriculum (listed under dropped)',
  'warn.noFigures':
    "{count} course(s) have neither duration nor effort in OSSU's README and count the default of {hours} h each (change it with --default-hours): {list}",
} as const;

export type EdgeKey = keyof typeof EN;

const ZH: Record<EdgeKey, string> = {
  'auth.secretShort': 'MLPATH_AUTH_SECRET 太短（{length} 个字符；至少需要 {min} 个）',
  'auth.secretHint': '可用 `openssl rand -base64 48` 生成一个',
  'auth.notUrl': '公开网址“{url}”不是网址',
  'auth.urlHint': '请写成类似 https://mlpath.example.org 的形式',
  'auth.notHttp': '公开网址“{url}”不是 http 或 https',
  'auth.passwordLength': '密码需要 {min} 到 {max} 个字符（这个有 {length} 个）',
  'auth.noUser': '没有邮箱为 {email} 的用户',
  'auth.listHint': '可用 `mlpath admin user list` 查看',
  'auth.notEmail': '“{email}”不是邮箱地址',
  'auth.needsName': '用户需要一个名字',
  'auth.taken': '邮箱为 {email} 的用户已存在',
  unexpected: '意外错误：{message}',
  debugHint: '设置 MLPATH_DEBUG=1 可查看详情；请报告此问题。',
  warning: '警告：{text}',
  'store.noProject': '没有项目“{id}”',
  'store.noPosting': '没有保存过编号为“{id}”的职位',
  'store.postingKept': '职位“{id}”已经保存过了',
  'jobs.noneKept': '还没有保存任何目标职位',
  'hint.jobAdd': '用 `mlpath job add 文件` 保存一份职位描述',
  'store.notEmpty': '此存储中已有进度（{events} 个事件，{projects} 个项目）；未导入任何内容',
  'store.failed': '位于 {location} 的数据库出错：{message}',
  'store.unavailable': '位于 {location} 的数据库暂时不可用：{message}',
  'store.otherApp': '{file} 不是 mlpath 数据库（它属于另一个应用程序，id 为 {id}）；未做任何改动',
  'store.otherTables': '{file} 不是 mlpath 数据库（其中有另一个应用程序的表：{tables}）；未做任何改动',
  'store.notOurs': '{location} 不是 mlpath 数据库（{why}）；未做任何改动',
  'store.newer':
    '{location} 由更新版本的 mlpath 写入（数据库结构版本 {newest}；当前版本最高支持 {known}）；未做任何改动',
  'store.schemaName': '“{schema}”不是普通的 schema 名称',
  'store.connect': '无法连接位于 {location} 的 PostgreSQL：{message}',
  'store.mkdir': '无法创建数据文件夹 {dir}：{message}',
  'store.open': '无法打开 {file}：{message}',
  'store.write': '无法写入 {file}：{message}',
  // the embedded store under faults (store/faults.ts, sqlite.ts, sqlite-backups.ts)
  'fault.full': '{location} 所在的磁盘已满；没有写入任何内容（仍可查看和导出）',
  'fault.readOnly': '{location} 是只读的；没有写入任何内容（仍可查看和导出）',
  'fault.damaged': '{location} 已损坏（{detail}）；没有向其中写入任何内容',
  'fault.io': '写入 {location} 时磁盘出错（{detail}）；没有写入任何内容',
  'fault.empty': '{file} 是空文件（0 字节）：没有把它当作新的存储，也未做任何改动',
  'fault.createReadOnly': '无法创建数据库 {file}：所在文件夹是只读的',
  'fault.createFull': '无法创建数据库 {file}：磁盘已满',
  'fault.create': '无法创建数据库 {file}：{message}',
  'fault.read': '无法读取 {file}：{message}',
  'fault.needsUpgrade': '{file} 需要升级到数据库结构版本 {version}，但它无法写入；未做任何改动',
  'backup.none': '没有名为“{which}”的备份',
  'backup.unusable': '备份 {path} 无法恢复（{why}）；未做任何改动',
  'backup.integrity': '完整性检查：{report}',
  'backup.notOurs': '它不是 mlpath 数据库',
  'backup.newerSchema': '它由更新版本的 mlpath 写入（数据库结构版本 {version}；此版本最高支持 {known}）',
  'backup.cannotRestore': '无法把 {name} 恢复到 {file}：{message}',
  'hint.freeSpace': '腾出一些磁盘空间后再试',
  'hint.makeWritable': '让该文件及其文件夹可写，或把 MLPATH_HOME 设为你可以写入的文件夹',
  'hint.restore': '运行 `mlpath doctor` 查看详情，用 `mlpath restore` 恢复到某个备份',
  'hint.checkDisk': '检查磁盘，然后运行 `mlpath doctor`',
  'hint.emptyFile': '运行 `mlpath restore` 恢复到某个备份，或删除这个空文件重新开始',
  'hint.readable': '让该文件及其文件夹可读',
  'hint.upgradeOnce': '让该文件及其文件夹可写一次（并腾出一些磁盘空间），以便 mlpath 升级它',
  'hint.listBackups': '不带参数运行 `mlpath restore` 可列出所有备份',
  'hint.otherBackup': '不带参数运行 `mlpath restore` 列出所有备份，然后另选一个',
  'hint.restoreWritable': '让数据文件夹可写并腾出一些磁盘空间后再试',
  'hint.projectList': '见 `mlpath project list`',
  'hint.jobList': '见 `mlpath job list`',
  'hint.merge': '加 --merge 把备份并入其中（已有的事件会跳过），或导入到新的 MLPATH_HOME',
  'hint.ownDatabase': '让 MLPATH_HOME（或 DATABASE_URL）指向 mlpath 专用的文件夹（或数据库）',
  'hint.upgrade': '升级 mlpath 后再打开它',
  'hint.database': '检查 DATABASE_URL，并确认数据库服务器正在运行',
  'hint.writable': '把 MLPATH_HOME 设为你可以写入的文件夹',
  'hint.ownFolder': '让 MLPATH_HOME 指向 mlpath 专用的文件夹',
  'hint.ownFolderApp': '让 MLPATH_HOME 指向 mlpath 专用的文件夹（mlpath 的文件带有应用标识“{id}”）',
  'hint.outputPath': '检查 -o 给出的路径',
  'backup.notJson': '{file}：不是有效的 JSON（{why}）；未导入任何内容',
  'backup.notBackup': '{file}：不是 mlpath 备份（没有 "format": "{format}"）；未导入任何内容',
  'backup.newer': '{file}：由更新版本的 mlpath 写入（备份版本 {version}；当前版本最高读取 {known}）；未导入任何内容',
  'backup.invalidOne': '{file}：不是有效的 mlpath 备份（{count} 个问题）；未导入任何内容',
  'backup.invalidMany': '{file}：不是有效的 mlpath 备份（{count} 个问题）；未导入任何内容',
  'backup.needsHours': '{path}：hours 事件需要 "hours" 字段',
  'backup.needsUndoes': '{path}：undo 事件需要 "undoes" 字段',
  'backup.needsItem': '{path}：{type} 事件需要 "item" 字段',
  'backup.needsRating': '{path}：reviewed 事件的 "text" 必须是评分：again、hard、good、easy 之一',
  'backup.eventTwice': '{path}：事件 id “{id}”出现了两次',
  'backup.projectTwice': '{path}：项目 id “{id}”出现了两次',
  'backup.postingTwice': '{path}：职位 id “{id}”出现了两次',
  'backup.invalidType': '{path}：输入无效：应为 {type}，实际为 {got}',
  'backup.invalidOption': '{path}：选项无效：应为以下之一：{values}',
  'backup.invalidValue': '{path}：输入无效：应为 {value}',
  'backup.unknownKeys': '{path}：无法识别的键：{keys}',
  'backup.unknownKey': '{path}：无法识别的键：{keys}',
  'backup.tooSmall': '{path}：值过小：{kind} 应为 {bound}',
  'backup.tooBig': '{path}：值过大：{kind} 应为 {bound}',
  'backup.invalidInput': '{path}：输入无效',
  'backup.instant': '{path}：应为 ISO 时间，例如 "2026-11-27T10:00:00.000Z"',
  'backup.day': '{path}：应为日期，例如 "2026-11-27"',
  'backup.url': '{path}：应为 http(s) 网址',
  'hint.backupFile': '请提供 `mlpath export --format json` 写出的文件',
  'hint.backupUpgrade': '升级 mlpath 后再导入',
  'import.cannot': '无法导入 {file}：{message}',
  'import.malformedJson': 'JSON 格式错误：应为 {expected}，实际为 {found}',
  'import.noRoadmapFolder': '没有这个文件夹；请给出含有 <slug>.json 和 content/ 的路线图文件夹',
  'import.noOssuFile': '没有这个文件；请给出 OSSU 的 README.md 或其所在文件夹',
  'import.noMetacademy': '没有这个文件夹；请给出 metacademy-content 文件夹（含 concepts/）或 graph_data.json 数据转储',
  'import.noContent': '缺少 content 文件夹；路线图把各主题的文字放在其 JSON 旁边的 content/*.md 中',
  'import.noGraph': '没有路线图的图文件：content/ 文件夹旁边应有 <slug>.json',
  'import.severalJson': '有多个 JSON 文件（{files}）；应只有一个以文件夹命名的 <slug>.json',
  'import.notRoadmap':
    '不是 roadmap.sh 的图：应为带有 "nodes" 列表的对象（路线图编辑器的格式），或带有控件的 "mockup"（旧版 Balsamiq 格式）',
  'import.noNodes': '路线图中没有主题、子主题或清单节点',
  'import.noNodesHint': 'roadmap.sh 有些路线图不放在其代码仓库中；只有含主题的图才能导入',
  'import.badResourceLink': '资源链接格式错误：{text}',
  'import.noCourses': '没有找到课程表格，也没有课程链接；这是 OSSU 课程的 README 吗？',
  'import.noCoursesColumn': '表格缺少 "Courses" 列（表头：{header}）',
  'import.rowCells': '表格行有 {cells} 个单元格，而表头有 {header} 个',
  'import.badCourseLink': 'Courses 单元格中的链接格式错误：{text}',
  'import.emptyCourse': '表格行的 Courses 单元格为空',
  'import.noConcepts': '缺少 concepts 文件夹；这是 metacademy-content 的检出目录吗？',
  'import.fieldValue': '应为 "field: value"，实际为 {text}',
  'import.unknownField': '未知字段“{field}”（应为以下之一：{fields}）',
  'import.tagHours': '应为 "<tag> <hours>"，实际为 {text}',
  'import.noTag': '依赖记录缺少 `tag:`',
  'import.notDump': '应为 {model, pk, fields} 记录的列表（Django dumpdata 文件）',
  'import.badRecord': '第 {index} 条记录不是 {model, pk, fields} 记录',
  'import.outputFull': '输出文件夹 {dir} 中已有文件',
  'import.outputNotCurriculum':
    '输出文件夹 {dir} 中除了 mlpath 课程还有别的内容（{entries}）；--force 只替换仅含一份课程的文件夹',
  'import.outputCreate': '无法创建输出文件夹 {dir}：{message}',
  'import.doesNotPass': '转换后的课程未通过课程检查；没有写入任何文件',
  'hint.fixJson': '修正该处的 JSON（通常是多了或少了逗号、括号或引号）',
  'hint.recordLine': '记录的每一行都是 `field: value`；空行结束一条记录',
  'hint.ossuHeader': 'OSSU 表格以类似 `Courses | Duration | Effort | Prerequisites` 的表头开始',
  'hint.ossuPipe': '单元格内的 `|` 必须转义为 `\\|`；否则请补上缺少的表头单元格',
  'hint.ossuLink': '把课程写成 [Title](url)',
  'hint.ossuTables': 'OSSU 的 README 在 `Curriculum` 标题下用表格（`Courses | Duration | Effort | ...`）列出课程',
  'hint.roadmapLink': '把每个资源写成 `- [@type@Title](https://...)`',
  'hint.roadmapFolder': '给出路线图文件夹本身（src/data/roadmaps/<slug>/），其中有 <slug>.json 和 content/',
  'hint.emptyFolder': '选择新的或空的文件夹，或加 --force 替换它',
  'hint.newFolder': '选择新的或空的文件夹',
  'hint.parentFolder': '检查其上级文件夹是否存在且可写',
  'content.unknownRefHint': '未知的{noun}“{id}”（用作{what}）；你是不是想输入 {choices}？',
  'content.unknownRefAlias': '未知的{noun}“{id}”（用作{what}）（“{old}”是“{alias}”的旧 id：请改用后者）',
  'content.unknownRef': '未知的{noun}“{id}”（用作{what}）',
  'content.cycle': '先修循环：{cycle}（每一项都依赖下一项）；请删除其中一条依赖',
  'content.noMeta': '没有文件声明 `curriculum:`（id、version、locales、title）；请添加一个，例如 curriculum.yaml',
  'content.secondMeta': '出现第二个 `curriculum:` 块；课程只声明一次元数据',
  'content.missingLocale': '缺少语言 {locales} 的文本（已在 curriculum.locales 中声明）',
  'content.missingLocales': '缺少语言 {locales} 的文本（已在 curriculum.locales 中声明）',
  'content.undeclaredLocale': '有未声明语言 {locales} 的文本；请在 curriculum.locales 中声明它，或删除该文本',
  'content.duplicateId': '重复的{noun} id“{id}”（首次定义于 {place}）',
  'content.duplicateRubric': '重复的评分项 id“{id}”',
  'content.duplicateGroup': '阶段“{stage}”中重复的单选组 id“{id}”',
  'content.duplicateUnit': '重复的单元 id“{id}”',
  'content.aliasClaimed': '别名“{alias}”已被技能“{owner}”占用',
  'content.aliasIsId': '技能 id“{id}”也被列为“{owner}”的别名；别名应是已不存在的旧 id',
  'content.blockNeeds': '块需要 `weeks` 或 `hours`',
  'content.effortNeeds': 'effort 需要 `hours`，或 `weeks` 加 `hoursPerWeek`',
  'content.noSource': 'effort 没有 `source`：请注明数字的出处，或标记为 `estimate: true` 并给出 `reasoning`',
  'content.noReasoning': '估计的 effort 需要 `reasoning`：说明小时数是如何估计的',
  'content.badUrl': '网址“{url}”格式错误；应为绝对网址，例如 "https://example.org/page"',
  'content.unitsOver': '各单元合计 {given} 小时，超过资源的工作量 {total} 小时',
  'content.unitBoth': '单元只能有 `hours` 或 `share` 之一，不能两者都有',
  'content.noHours': '技能“{id}”没有小时数，也没有资源教授它；规划器无法估计（请添加 hours 或资源）',
  'content.noFolder': '没有这个课程文件夹；请给出存放课程 YAML 文件的文件夹',
  'content.noYaml': '该文件夹中没有 .yaml 文件；课程是存放 YAML 文件的文件夹',
  'content.problemsOne': '{dir} 中的课程有 {count} 个问题',
  'content.problemsMany': '{dir} 中的课程有 {count} 个问题',
  'content.fixHint': '逐一修正列出的位置，然后再次运行 `mlpath curriculum check`',
  'content.unknownTopKey':
    '未知的键“{key}”（应为 curriculum、skills、resources、stages、routes、startingPoints、roles、projects 或 domains）',
  'content.unknownKey': '{path}：未知的键“{key}”',
  'content.missingField': '{path}：缺少必填字段（应为 {type}）',
  'content.expectedText': '{path}：应为文本：字符串，或语言到文本的映射，例如 { en: "...", zh-CN: "..." }',
  'content.expectedOneOf': '{path}：应为以下之一：{values}',
  'content.expectedGot': '{path}：应为 {type}，实际为 {got}',
  'content.invalidYaml': 'YAML 无效：{text}',
  'content.kebabId': '{path}：应为 kebab-case 形式的 id，例如 "linear-algebra"',
  'content.localeTag': '{path}：应为语言标签，例如 "en" 或 "zh-CN"',
  'content.emptyText': '{path}：文本不能为空',
  'content.httpUrl': '{path}：应为绝对的 http(s) 网址，例如 "https://example.org/course"',
  'content.twoOptions': '{path}：至少需要两个可选项',
  'noun.skill': '技能',
  'noun.resource': '资源',
  'noun.stage': '阶段',
  'noun.route': '路线',
  'noun.startingPoint': '起点',
  'noun.role': '角色',
  'noun.project': '项目',
  'noun.domain': '领域',
  'noun.prerequisite': '先修',
  'noun.taughtSkill': '所教技能',
  'noun.optionResource': '可选资源',
  'noun.alongside': '并行阶段',
  'noun.stageSkill': '阶段技能',
  'noun.stageResource': '阶段资源',
  'noun.routeStage': '路线阶段',
  'noun.milestone': '里程碑',
  'noun.knownSkill': '已掌握技能',
  'noun.weightedSkill': '加权技能',
  'noun.projectSkill': '项目技能',
  'noun.projectResource': '项目资源',
  'noun.domainSkill': '领域技能',
  'noun.domainResource': '领域资源',
  'drop.noId': '没有 id 的节点',
  'drop.noLabel': '它没有标签',
  'drop.nodes': '{count} 个 {type} 节点',
  'drop.layout': '版面元素，不是主题或子主题',
  'drop.edge': '边 {id}',
  'drop.danglingEdge': '它连接了不存在的节点',
  'drop.edges': '{count} 条边',
  'drop.edgeEnds': '边缺少起点或终点',
  'drop.subtopic': '子主题“{label}”',
  'drop.noTopic': '路线图中没有可以放置它的主题',
  'drop.link': '链接“{title}”',
  'drop.notUrl': '不是绝对的 http(s) 网址（{place}）',
  'drop.example': 'Metacademy 对格式的注释示例，不是概念',
  'drop.noTitle': '没有 title.txt（每个 Metacademy 概念都有）',
  'drop.emptyTitle': 'title.txt 为空',
  'drop.tagTakenBy': '它的标签规范化后为“{id}”，已被 {other} 占用',
  'drop.tagTaken': '它的标签规范化后为“{id}”，已被占用',
  'drop.requiresItself': '{owner} 依赖它自己',
  'drop.ownPrerequisite': '概念不能是它自己的先修（{place}）',
  'drop.requiresWhy': '{owner} 依赖 {tag}：{why}',
  'drop.requires': '{owner} 依赖 {tag}',
  'drop.noConceptAt': '不存在概念“{tag}”（{place}）',
  'drop.noConcept': '不存在概念“{tag}”',
  'drop.noShortcutOf': '没有可作为其捷径所属的概念“{tag}”',
  'drop.courseLists': '课程 {name} 列出了 {tag}',
  'drop.cycle': '它会形成先修循环：{cycle}',
  'drop.resourceOf': '{tag} 的资源“{key}”',
  'drop.noRecord': 'resources.txt 中没有键为“{key}”的记录',
  'drop.conceptTag': '概念 {pk}（{tag}）',
  'drop.concept': '概念 {pk}',
  'drop.noTagTitle': '没有标签或没有标题',
  'drop.shortcutNode': '捷径节点；数据转储没有说明它是哪个概念的捷径',
  'drop.notInDump': '数据转储中没有这个概念',
  'drop.prerequisite': '{title} 的先修“{part}”',
  'drop.noMatch': '与之前列出的任何课程或科目都不匹配（{place}）',
  'drop.subject': '科目“{title}”',
  'drop.noCourses': '它没有列出任何课程（{place}）',
  'drop.noAddress': '链接节点没有网址',
  'drop.noServes': '没有可以挂靠的主题或清单项',
  'drop.extLinks': '{count} 个 ext_link 组',
  'drop.outOfRoadmap': '指向路线图之外的链接',
  'drop.group': '组 {name}',
  'drop.noTopicNamed': '没有名为“{name}”的主题',
  'warn.placed': '{count} 个子主题没有任何边、堆叠、分区框或连线与主题相连，已放在画布上最近的主题下：{labels}',
  'warn.repeat': '{count} 个标签重复；每个仍保留自己的节点 id，易读的别名加了编号（如 "-2"）',
  'warn.keyClash': '{count} 个节点 id 只在大小写或标点上不同；它们的 id 加了编号',
  'warn.otherTypes': '类型为 {types} 的链接（{count} 个）按文章导入',
  'warn.skippedLine': '{place}：有一行资源无法读取，已跳过（{why}）：{text}',
  'warn.noLink': '其中没有完整的 [标题](网址) 链接',
  'warn.noHead': '链接文字以“@”开头，却没有“@类型@”前缀',
  'warn.noLinkTitle': '链接有类型但没有标题',
  'warn.balsamiq': '{file} 是用 Balsamiq 绘制的旧版路线图：主题和子主题取自控件名称，按其编号排序',
  'warn.noContent': '{count} 个主题在 content/ 中没有内容文件；导入时没有摘要和链接',
  'warn.roadmapHours': 'roadmap.sh 没有给出时长：每个主题和子主题按 {hours} 小时计（可用 --default-hours 修改）',
  'warn.noResources': '没有 resources.txt：导入的概念不带资源',
  'warn.noTime': '{count} 个概念没有时间估计；每个按 {hours} 小时计，与 Metacademy 自己的计划相同',
  'warn.goalScoped':
    '数据转储中有 {count} 条依赖只针对特定学习目标；它们作为普通先修导入（计划可能比 Metacademy 按目标裁剪后的列表多一点）',
  'warn.badUrl': '{place}：“{title}”的链接不是可用的网址；导入时不带链接',
  'warn.noTables':
    '{file} 没有课程表格：从链接导入了 {count} 门课程，每门按默认的 {hours} 小时估计（可用 --default-hours 修改）；OSSU 各主题间的顺序在图片中，未导入',
  'warn.estimated': '{count} 门课程缺少完整的“时长 × 投入”数据，已按课程体系的中位数估计：{list}',
  'warn.unmatched': '{count} 条自由文本的先修没有匹配到课程体系中的课程（列在“已舍弃”下）',
  'warn.noFigures':
    '{count} 门课程在 OSSU 的 README 中既无时长也无投入，每门按默认的 {hours} 小时计（可用 --default-hours 修改）：{list}',
};

export const EDGE_TABLES: Readonly<Record<'en' | 'zh-CN', Readonly<Record<EdgeKey, string>>>> = {
  en: EN,
  'zh-CN': ZH,
};

/** Every key (for completeness checks). */
export const EDGE_KEYS = Object.keys(EN) as EdgeKey[];

const PLACEHOLDER = /\{(\w+)\}/g;

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** One message in a locale (English for any other). */
export function emsg(locale: Locale, key: EdgeKey, values: Readonly<Record<string, string | number>> = {}): string {
  return fill((locale === 'zh-CN' ? ZH : EN)[key], values);
}

interface Matcher {
  readonly key: EdgeKey;
  readonly scope: MessageScope;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where a message comes from: an error, or an importer's note on what it dropped and why (the
 * notes' short templates, such as "{owner} requires {tag}", are tried on notes only).
 */
export type MessageScope = 'error' | 'note';

const scopeOf = (key: EdgeKey): MessageScope => (key.startsWith('drop.') || key.startsWith('warn.') ? 'note' : 'error');

/** Placeholders that hold a message or a noun of their own; ids, places and names are never translated. */
const NESTED = new Set(['message', 'why', 'text', 'noun', 'what']);

/** Each English template as an anchored pattern; placeholders match any text, as little as they can. */
const MATCHERS: readonly Matcher[] = EDGE_KEYS.map((key) => {
  const template = EN[key];
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    source += escape(template.slice(last, m.index)) + '([\\s\\S]*?)';
    names.push(m[1] ?? '');
    last = m.index + m[0].length;
  }
  source += escape(template.slice(last));
  return { key, scope: scopeOf(key), pattern: new RegExp(`^${source}$`), names };
});

/**
 * A message from below the CLI in a locale: the first English template of the scope that matches
 * the whole text gives the Chinese one, filled with the same values (a value that is itself a
 * message or a noun translated in turn); anything else is returned as it is.
 */
export function translateMessage(locale: Locale, text: string, scope: MessageScope = 'error', depth = 0): string {
  if (locale !== 'zh-CN' || depth > 3) return text;
  for (const matcher of MATCHERS) {
    if (matcher.scope !== scope) continue;
    const { key, pattern, names } = matcher;
    const match = pattern.exec(text);
    if (!match) continue;
    const values: Record<string, string> = {};
    names.forEach((name, i) => {
      const value = match[i + 1] ?? '';
      values[name] = NESTED.has(name) ? translateMessage(locale, value, scope, depth + 1) : value;
    });
    return emsg(locale, key, values);
  }
  return text;
}

/** The same error with its message, problems and hint in a locale (the original kept as the cause). */
export function errorIn(locale: Locale, error: MlpathError): MlpathError {
  if (locale !== 'zh-CN') return error;
  const t = (text: string): string => translateMessage(locale, text);
  return new MlpathError({
    code: error.code,
    message: t(error.message),
    problems: error.problems.map((p) => ({ ...p, message: t(p.message) })),
    ...(error.hint === undefined ? {} : { hint: t(error.hint) }),
    cause: error,
  });
}
