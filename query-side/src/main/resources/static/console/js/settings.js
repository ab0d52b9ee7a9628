// The programme's figures the overview compares against (domain brief, reporting section 1).
export const SATISFACTION_TARGET = 0.80;
export const SATISFACTION_BASELINE = 0.65;
/** How many calendar months (UTC) the trend charts show, the current one included. */
export const TREND_MONTHS = 6;
/** How often a running rebuild's progress is asked for. */
export const REBUILD_POLL_MILLIS = 400;
/** How long after a case changed the overdue count is asked for again (changes come in bursts). */
export const OVERDUE_REFRESH_MILLIS = 1000;
export const PAGE_SIZES = [20, 50, 100, 500];

export const CATEGORIES = ['PERSONNEL_SERVICE', 'BUSINESS_ERROR', 'RULES_AND_POLICY', 'HARDWARE_AND_CHANNELS', 'SPECIAL_GROUPS'];
export const ROOT_ISSUES = ['SERVICE_ATTITUDE', 'PRODUCT_INFORMATION', 'TECHNICAL', 'FEES', 'OTHER'];
export const LEVELS = ['BRANCH', 'FIRST_LEVEL_BRANCH', 'HEAD_OFFICE', 'REGULATOR_REPORTED'];
export const STATUSES = ['REGISTERED', 'ACCEPTED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLUTION_PROPOSED', 'RESOLVED', 'CLOSED',
  'NOT_A_COMPLAINT', 'WITHDRAWN'];
export const RETURN_REGIMES = [
  { path: 'fca-disp1', name: 'FCA DISP 1 complaints return' },
  { path: 'cfpb', name: 'CFPB complaint database' },
  { path: 'cn-pboc', name: 'PBOC complaint statistics' },
];
