using GxProtocol.Grains.Commands;
using GxProtocol.Grains.Interfaces.Ledger;
using GxProtocol.Grains.Outbox;
using GxProtocol.Grains.PaymentRequests;
using GxProtocol.Grains.Tax;
using GxProtocol.Grains.Verification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains;

/// <summary>
/// What every silo hosting the GX grains needs besides storage, reminders, an ILedgerClient and an IReadModelStore.
/// The outbox rows default to memory; register an <see cref="IOutboxStore"/> first to keep them elsewhere (PostgreSQL),
/// or to share one between the silos of an in-process test cluster.
/// </summary>
public static class GxGrainsSiloBuilderExtensions
{
    public static ISiloBuilder AddGxGrains(this ISiloBuilder silo, IConfiguration? configuration = null)
    {
        var outbox = silo.Services.AddOptions<OutboxOptions>();
        if (configuration is not null)
        {
            outbox.Bind(configuration.GetSection(OutboxOptions.SectionName));
        }
        outbox.ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        silo.Services.TryAddSingleton<OutboxMetrics>();
        silo.Services.TryAddSingleton<ReadModels.ProjectionMetrics>();
        silo.Services.TryAddSingleton<CommandHandoff>();
        silo.Services.TryAddSingleton<IOutboxStore, InMemoryOutboxStore>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.AddBroadcastChannel(LedgerChannels.Provider, channel => channel.FireAndForgetDelivery = false);
        silo.Services.AddHostedService<LedgerPipelineKeeper>();
        silo.Services.AddHostedService<FinishedRowPurger>();
        silo.AddGxFeeCreditFolding(configuration);
        silo.AddGxPeople();
        silo.AddGxWebhooks(configuration);
        silo.AddGxPaymentRequests(configuration);
        silo.AddGxVerification(configuration);
        return silo;
    }
}
