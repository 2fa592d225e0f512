"""Build tools of the policy handbook, in the order data flows: `data` reads and validates a data folder,
`site` turns the dataset into a site, and the commands on top (cli, build, serve, calc, diff, scaffold,
summary, static_server) use both."""
