#!/bin/sh
# Starts slapd for the demo's on-prem directory: on an empty database, loads /seed/*.ldif with slapadd first.
set -eu
: "${LDAP_ROOT_PASSWORD:?set LDAP_ROOT_PASSWORD (the password of cn=admin,dc=onprem,dc=example,dc=com)}"
conf=/run/slapd/slapd.conf
mkdir -p /run/slapd /var/lib/ldap/onprem
cp /etc/ldap/onprem/slapd.conf "$conf"
printf 'rootpw %s\n' "$(slappasswd -h '{SSHA}' -s "$LDAP_ROOT_PASSWORD")" >> "$conf"
if [ -z "$(ls -A /var/lib/ldap/onprem)" ]; then
  for f in /seed/*.ldif; do
    echo "loading $f"
    slapadd -q -f "$conf" -l "$f"
  done
fi
chown -R openldap:openldap /run/slapd /var/lib/ldap/onprem
exec slapd -f "$conf" -h "ldap://0.0.0.0:${LDAP_PORT:-389}/" -u openldap -g openldap -d "${SLAPD_DEBUG:-0}"
