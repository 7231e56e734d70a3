using Subscription.Server.Admin;
using Subscription.Server.Archive;
using Subscription.Server.Broadcasts;
using Subscription.Server.Callback;
using Subscription.Server.Configuration;
using Subscription.Server.Digests;
using Subscription.Server.Followers;
using Subscription.Server.Hosting;
using Subscription.Server.Issues;
using Subscription.Server.Jobs;
using Subscription.Server.Menu;
using Subscription.Server.Reader;
using Subscription.Server.Storage;
using Subscription.Server.Subscribers;
using Subscription.Server.WeChatApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddSharedConfiguration();

builder.Services.AddProblemDetails();
builder.Services.AddWeChatAccount();
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddSubscribers();
builder.Services.AddArchive();
builder.Services.AddCallback();
builder.Services.AddAccountMenu();
builder.Services.AddDigests();
builder.Services.AddWeChatApi();
builder.Services.AddFollowerSync();
builder.Services.AddJobs(builder.Configuration);
builder.Services.AddBroadcasts(builder.Configuration);
builder.Services.AddAdmin();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapCallback();
app.MapAdmin().MapIssueAdmin().MapMenuAdmin().MapFollowerSyncAdmin().MapBroadcastAdmin();
app.MapReader();
app.MapHealth();

app.Run();

/// <summary>Entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
