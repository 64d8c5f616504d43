// Fixed word lists the generator draws from. Changing any list changes every generated
// site, so bump GENERATOR_VERSION in generate-site.ts when editing this file.

export const PROJECTS = [
  "Lantern", "Keystone", "Driftwood", "Quarry", "Juniper", "Basalt",
  "Meridian", "Halyard", "Cobalt", "Larkspur", "Tessera", "Wayfinder",
] as const;

/** Tag vocabulary; "working groups" checks that tag URLs go through `slugify`. */
export const TAGS = [
  "announcement", "release", "community", "events", "governance", "security",
  "membership", "research", "education", "infrastructure", "interviews", "working groups",
] as const;

export const FIRST_NAMES = [
  "Amara", "Bruno", "Chen", "Dalia", "Emeka", "Fatima", "Gustavo", "Hana", "Ivan", "Jia",
  "Kofi", "Leila", "Mateo", "Nadia", "Oskar", "Priya", "Quinn", "Rosa", "Sven", "Tariq",
] as const;

export const LAST_NAMES = [
  "Okafor", "Lindqvist", "Moreau", "Tanaka", "Alvarez", "Nowak", "Haddad", "Kowalski",
  "Mensah", "Rossi", "Sato", "Fischer", "Oliveira", "Petrov", "Nguyen", "Walsh",
] as const;

export const ROLES = [
  "maintainer", "release manager", "board chair", "community lead", "security lead",
  "executive director", "technical steering committee member", "documentation lead",
] as const;

export const COMPANY_STEMS = [
  "Northwind", "Bluefin", "Cedar", "Granite", "Halcyon", "Ironbark", "Kestrel", "Lumen",
  "Monarch", "Nimbus", "Orchard", "Pinnacle", "Redwood", "Sable", "Tidewater", "Vantage",
  "Willow", "Zephyr", "Aster", "Beacon",
] as const;

export const COMPANY_SUFFIXES = [
  "Systems", "Labs", "Analytics", "Software", "Networks", "Cloud", "Data", "Technologies",
  "Group", "Robotics", "Health", "Energy",
] as const;

export const EVENTS = [
  "Contributor Summit", "Community Day", "Maintainer Meetup", "Open Source Week", "Hack Night",
] as const;

export const CITIES = [
  "Lisbon", "Nairobi", "Montreal", "Seoul", "Berlin", "Bogota", "Melbourne", "Oslo", "Pune", "Austin",
] as const;

export const FEATURES = [
  "faster indexing", "incremental builds", "a new plugin API", "streaming exports",
  "better error messages", "reproducible releases", "signed artifacts", "lower memory use",
  "a redesigned dashboard", "offline support", "an accessibility audit", "structured logging",
] as const;

export const DOCUMENTS = [
  "a governance charter", "its first annual report", "a security baseline", "a contributor guide",
  "a code of conduct update", "a roadmap for the next two years", "a survey of maintainers",
] as const;

export const SUBJECTS = [
  "The technical steering committee", "Our maintainers", "The release team", "The board",
  "Several member organisations", "The security working group", "New contributors",
  "The documentation team", "Volunteers from the community", "The infrastructure team",
] as const;

export const VERBS = [
  "reviewed", "published", "discussed", "improved", "simplified", "documented", "measured",
  "tested", "redesigned", "planned", "funded", "supported", "migrated", "audited",
] as const;

export const OBJECTS = [
  "the release process", "the build pipeline", "the onboarding guide", "the plugin registry",
  "the test suite", "the public roadmap", "the mentoring programme", "the translation effort",
  "the package mirrors", "the vulnerability disclosure policy", "the meeting notes",
  "the continuous integration fleet", "the design proposals", "the grant applications",
] as const;

export const REASONS = [
  "so that newcomers can get started in an afternoon",
  "because users asked for it at the last summit",
  "to make releases predictable for downstream packagers",
  "which removes a long-standing source of confusion",
  "after a year of careful discussion on the mailing list",
  "so that every change is reviewed by two people",
  "to reduce the load on a small group of volunteers",
  "which should make the next upgrade far less painful",
] as const;

export const CLOSERS = [
  "Thank you to everyone who contributed.",
  "As always, feedback is welcome on the forum.",
  "We will share more details at the next community call.",
  "The full notes are available in the meeting archive.",
  "Questions can be raised in the issue tracker.",
  "We look forward to hearing what you build with it.",
] as const;

export const HEADINGS = [
  "What changed", "Why it matters", "How to get involved", "What comes next",
  "Background", "Acknowledgements", "Upgrading", "Timeline", "Numbers at a glance",
] as const;
