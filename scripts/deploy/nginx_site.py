"""Print the nginx server block for a built site: scripts/deploy/nginx.conf with the listen address,
the site's folder and its Content-Security-Policy header filled in.

    .venv/bin/python scripts/deploy/nginx_site.py --site site --root /var/www/handbook > handbook.conf
"""
import argparse
import sys
from pathlib import Path

from handbook.site.csp import header_policy

TEMPLATE = Path(__file__).with_name("nginx.conf")


# The server block serving root on listen, with the header policy of the site built in site.
def render(site: Path, root: str, listen: str) -> str:
    policy = header_policy(site)
    if '"' in policy or "$" in policy:
        raise ValueError(f"the policy cannot be written as an nginx string: {policy}")
    return (TEMPLATE.read_text(encoding="utf-8").replace("@LISTEN@", listen)
            .replace("@ROOT@", str(root)).replace("@CSP@", policy))


# Parse the arguments and print the server block.
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="site", help="the built site whose pages the policy must allow (default: site)")
    parser.add_argument("--root", help="where nginx finds the site (default: the --site folder)")
    parser.add_argument("--listen", default="80", help="nginx listen address, e.g. 80 or 127.0.0.1:8080 (default: 80)")
    args = parser.parse_args(argv)
    sys.stdout.write(render(Path(args.site), args.root or str(Path(args.site).resolve()), args.listen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
