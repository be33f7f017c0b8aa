from advocate_app.app import main

# Guarded: worker processes (big imports use them) import this module under another name.
if __name__ == "__main__":
    raise SystemExit(main())
