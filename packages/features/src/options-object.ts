import { ConfigError } from "@logfeat/schema";

/** Checks that an options argument is an object (or undefined, read as `{}`); throws ConfigError otherwise. */
export function optionsObject<Options extends object>(options: Options | undefined): Options {
  if (options === undefined) return {} as Options;
  if (typeof options !== "object" || options === null)
    throw new ConfigError("options", options, "an options object or undefined");
  return options;
}
