/** The text of `logfeat --help`. */
export const HELP = `logfeat — raw logs to per-service, per-window feature vectors

Usage:
  logfeat run <file|->       [options]   FeatureVectors (jsonl, csv or a table) + ledger
  logfeat baseline <file|->  --out baseline.json [--per-service] [options]
  logfeat compare <file|->   --baseline baseline.json [--feature error_rate]... [--multiplier 2] [options]
  logfeat serve [file]       [--port 5173] [--host 127.0.0.1] [--max-upload-mb 512] [options]
                             local web page: charts per service with the baseline, windows above it,
                             each window's logs, the ledger; upload files from the page (opens nothing)
  logfeat submit <file|->... --redis <url> --job <id> [--expire-after 604800] [options]
                             send raw record batches (--chunk-size, default 1000) to a Redis stream
  logfeat worker  --redis <url> --job <id> [--name <consumer>] [--claim-after 30] [--timeout s]
                             process batches until the job is complete (start any number, anywhere)
  logfeat collect --redis <url> --job <id> [--output ...] [--out f] [--now ISO] [--timeout s]
                             wait for every batch, then write what 'logfeat run' writes + ledger
  logfeat layouts                          list the named text layouts
  logfeat --help | --version

Input and parsing:
  --format auto|text|json|csv    input format (default auto: by extension, else sniffed)
  --delimiter <char>             CSV delimiter (default: tab for .tsv, else detected); \\t for tab
  --layout <name|template>       text layout: auto (default), a name from 'logfeat layouts'
                                 (e.g. loghub:HDFS) or a template like '<Date> <Time> <Level> <Content>'
Normalization:
  --time-zone <IANA>             zone of naive timestamps and of day windows (default UTC)
  --reference-time <ISO>         instant year-less dates are read against
                                 (default: the file's modification time)
  --level-scheme pino|syslog|otel|python|log4j2   how numeric levels are read
  --message-hash template|exact  hash the masked template (default) or the exact message
  --default-service <name>       service of records without one (default: the file's base name)
  --no-default-service           skip records without a service instead
Windows and features:
  --window-size <seconds>        window length (default 300; at most 31 days)
  --fill-gaps                    add empty windows between a service's first and last window
  --no-retain-logs | --retain-logs   keep only each window's summary (default) or also its logs
                                 until its features are made (same output; more memory and time)
  --allowed-lateness <seconds>   emit windows as the input's time passes them (default: at the end)
  --workers <N>                  parse, normalize and aggregate on N threads (default 1; a text,
                                 JSON Lines or CSV file is split into parts each thread reads;
                                 same output whatever N)
  --chunk-size <N>               records per chunk (default 1024)
  --now <ISO>                    fixed clock for metadata.extraction_timestamp (reproducible output)
Output:
  --output jsonl|csv|table       (default jsonl)
  --out <file>                   write there instead of stdout
  --json-summary <file>          write the ledger as JSON
  --diagnostics <file>           write the diagnostics (skipped records, dropped fields) as JSON Lines
  --max-diagnostics <N>          diagnostics kept per stage (default 1000; all are counted)
  --strict                       exit 1 when any record was skipped
  --quiet                        no progress, no ledger on stderr

Exit codes: 0 ok, 1 skipped records under --strict, 2 usage or configuration error.
`;
