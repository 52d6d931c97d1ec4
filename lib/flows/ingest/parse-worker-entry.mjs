// Worker threads do not inherit the main thread's TypeScript loader: register it here,
// then load the parse worker itself.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
