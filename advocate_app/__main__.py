from advocate_app.app import main

raise SystemExit(main())
