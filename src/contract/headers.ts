/**
 * @module contract/headers
 * Request headers of the API that every face sends alike (a module of its own, so the web app takes
 * the names without the schemas).
 */

/**
 * The request header naming the IANA time zone (`Asia/Shanghai`) the learner's day is counted in:
 * what "today" is for every answer (the current week, the date hours are logged on, the re-plan).
 * The web app sends its browser's zone, the CLI its machine's; without it, the learner's study time
 * zone where the profile has study days, else the server's local date.
 */
export const TIME_ZONE_HEADER = 'X-Time-Zone';
