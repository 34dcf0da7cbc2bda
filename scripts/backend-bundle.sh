# Sourced: unpack_backend DIR unpacks the backend bundle that `yarn build:backend` made (as the
# Dockerfile does) and gives it a node_modules that reuses the repo's installed packages, with the
# workspace packages pointing at their built copies inside the bundle.
unpack_backend() {
  local dir="$1"
  mkdir -p "$dir"
  tar -xzf "$REPO_ROOT/packages/backend/dist/skeleton.tar.gz" -C "$dir"
  tar -xzf "$REPO_ROOT/packages/backend/dist/bundle.tar.gz" -C "$dir"
  mkdir -p "$dir/node_modules/@kubeflow-backstage"
  local entry name
  for entry in "$REPO_ROOT"/node_modules/* "$REPO_ROOT"/node_modules/@*; do
    name=$(basename "$entry")
    case "$name" in @kubeflow-backstage | app | backend) continue ;; esac
    [ -e "$dir/node_modules/$name" ] || ln -s "$entry" "$dir/node_modules/$name"
  done
  for entry in "$dir"/plugins/* "$dir"/packages/*; do
    [ -f "$entry/package.json" ] || continue
    name=$(node -p "require('$entry/package.json').name")
    rm -f "$dir/node_modules/$name"
    ln -s "$entry" "$dir/node_modules/$name"
  done
  cp -r "$REPO_ROOT"/examples "$REPO_ROOT"/templates "$REPO_ROOT"/catalog-info.yaml \
    "$REPO_ROOT"/app-config.yaml "$REPO_ROOT"/app-config.production.yaml "$dir/"
}

# Prints a config layer pointing the Kubernetes plugin's (and so Kubeflow's) `sandbox` cluster at
# the local sandbox, with $1 as its token: a canary the canary scan looks for in every log.
sandbox_cluster_config() {
  cat <<EOF
kubernetes:
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: sandbox
          url: http://127.0.0.1:\${KUBEFLOW_SANDBOX_PORT:-7010}
          authProvider: serviceAccount
          serviceAccountToken: $1
          skipTLSVerify: true
          skipMetricsLookup: true
EOF
}
