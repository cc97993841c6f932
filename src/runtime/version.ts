// The version imagelite reports (health route, --version, start-up line): the package's.
export const VERSION: string = require("../../../package.json").version;
