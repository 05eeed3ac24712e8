// What `idbroker start --demo` adds: three users, nested groups, and two roles whose trust policies admit those
// groups through every directory path (the portal's directory sign-in, AssumeRoleWithLDAPIdentity, `idbroker
// login`). The passwords are fixed and public — demo only. Groups and roles are named so that the nesting shows:
// alice is in Engineering, which is a member of Developers, so she gets DemoDevelopers only through nesting.

export interface DemoUser {
  username: string;
  password: string;
  givenName: string;
  surname: string;
  /** Groups the user is a direct member of. */
  groups: string[];
  /** A service account (what LDAP applications bind with), shown as such in the guide. */
  service?: boolean;
}

export interface DemoGroup {
  name: string;
  description: string;
  /** Users or groups (nesting). */
  members: string[];
}

export interface DemoRole {
  name: string;
  description: string;
  /** The directory group whose members (nested groups included) the trust policy admits. */
  group: string;
  policy: string;
}

/** Demo-only passwords: they satisfy AD complexity and need no shell quoting. Public; never use them for real. */
export const DEMO_USERS: DemoUser[] = [
  { username: 'alice', password: 'Apple-Tree-42', givenName: 'Alice', surname: 'Liddell', groups: ['Engineering'] },
  { username: 'bob', password: 'Blue-River-42', givenName: 'Bob', surname: 'Stone', groups: ['Admins', 'Engineering'] },
  { username: 'carol', password: 'Cedar-Hill-42', givenName: 'Carol', surname: 'Ashby', groups: ['Developers'] },
  { username: 'svc-grafana', password: 'Service-Reader-42', givenName: 'Grafana', surname: 'Service', groups: [], service: true },
];

export const DEMO_GROUPS: DemoGroup[] = [
  { name: 'Engineering', description: 'idbroker demo: engineers (a member of Developers)', members: [] },
  { name: 'Developers', description: 'idbroker demo: everyone who develops; holds the Engineering group', members: ['Engineering'] },
  { name: 'Admins', description: 'idbroker demo: cloud administrators', members: [] },
];

export const DEMO_ROLES: DemoRole[] = [
  { name: 'DemoDevelopers', description: 'idbroker demo: members of the directory group Developers, nested groups included', group: 'Developers', policy: 'ReadOnlyAccess' },
  { name: 'DemoAdmins', description: 'idbroker demo: members of the directory group Admins', group: 'Admins', policy: 'AdministratorAccess' },
];

/** Every group a user is in, through nesting (what ds:Groups holds, less Domain Users). */
export function demoGroupsOf(user: DemoUser): string[] {
  const out = new Set<string>();
  const visit = (g: string) => {
    if (out.has(g)) return;
    out.add(g);
    for (const parent of DEMO_GROUPS.filter((p) => p.members.includes(g))) visit(parent.name);
  };
  for (const g of user.groups) visit(g);
  return [...out];
}

/** The demo roles a user's groups admit. */
export const demoRolesOf = (user: DemoUser): DemoRole[] => DEMO_ROLES.filter((r) => demoGroupsOf(user).includes(r.group));
