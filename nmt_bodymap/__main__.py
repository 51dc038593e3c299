from nmt_bodymap.cli import main

raise SystemExit(main())
