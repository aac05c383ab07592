// The kit every feature file of the module uses (docs/graphql-conventions.md, "A feature file").
global using System.ComponentModel;
global using CertifyTrack.Modules.Users.Contracts;
global using CertifyTrack.Modules.Users.Persistence;
global using CertifyTrack.Shared.Audit;
global using CertifyTrack.Shared.GraphQL;
global using CertifyTrack.Shared.GraphQL.Authorization;
global using CertifyTrack.Shared.GraphQL.Errors;
global using CertifyTrack.Shared.GraphQL.Mutations;
global using CertifyTrack.Shared.GraphQL.Relay;
global using CertifyTrack.Shared.GraphQL.Types;
global using GraphQL;
global using GraphQL.Types;
global using Microsoft.EntityFrameworkCore;
